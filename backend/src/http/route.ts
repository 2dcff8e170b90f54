import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Request, Response } from 'restify';
import type { z } from 'zod';
import type { Permission } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import type { ActivityAction } from '../activity-actions/actions.js';
import type { Language } from '../language/language.js';
import type { ErrorCode } from './messages.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A status a handler answers with when it refuses input its schemas let through, and the codes it sends then. */
export type RefusalStatus = 400 | 403 | 404 | 409 | 410 | 422 | 502 | 503;
export type Refusals = Partial<Record<RefusalStatus, readonly ErrorCode[]>>;

type AnyObjectSchema = z.ZodObject;

/**
 * What every handler reaches. A feature whose routes need more (the backup engine, the mail outbox…) says so in an
 * interface that extends this one and defines its routes with `routeDefiner<ThatInterface>()`; the API's route table
 * then only compiles if the services the composition root builds have all of it.
 */
export interface RouteServices {
  readonly db: Db;
  readonly clock: () => Date;
  readonly logger: Logger | undefined;
}

export interface RouteContext<P, Q, B, S extends RouteServices = RouteServices> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal;
  readonly language: Language;
  readonly services: S;
  readonly request: Request;
  readonly response: Response;
}

/**
 * One operation of the API: its address, who may call it, the schemas that validate its input
 * and its output (and from which the OpenAPI document is generated), and for mutations what it
 * writes to the tenant's activity log.
 */
export interface RouteSpec<
  S extends RouteServices = RouteServices,
  P extends AnyObjectSchema = AnyObjectSchema,
  Q extends AnyObjectSchema = AnyObjectSchema,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** Stable operation id, also the OpenAPI operationId: `<area>.<verb>`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Below the API prefix, restify syntax: `/portal-users/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly permission: Permission | 'public';
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Largest accepted body in bytes; 16 KiB unless the route says otherwise. */
  readonly maxBodyBytes?: number;
  readonly response: R;
  readonly status?: number;
  /** `application/zip`: the handler decides what to send, `stream` sends it. */
  readonly contentType?: 'application/json' | 'text/csv' | 'application/zip';
  /** Portal users may call it before accepting the licence terms (sign-in, terms, help). */
  readonly beforeTerms?: boolean;
  /** Refused with `tenant_setup_incomplete` until the tenant setup is confirmed. */
  readonly requiresSetup?: boolean;
  /**
   * What the handler refuses beyond its schemas (an account that does not exist, a name already taken, a cursor it
   * did not write…), by status. The OpenAPI document lists these beside the pipeline's own refusals, so every status
   * the operation answers with is documented.
   */
  readonly refusals?: Refusals;
  readonly handler: (context: RouteContext<z.output<P>, z.output<Q>, z.output<B>, S>) => Promise<z.input<R>>;
  /**
   * For streamed bodies: writes the body the handler decided on, after its activity is recorded, so the log holds
   * every download even if the client stops reading halfway.
   */
  readonly stream?: (
    context: RouteContext<z.output<P>, z.output<Q>, z.output<B>, S>,
    result: z.output<R>,
  ) => Promise<void>;
  /**
   * What a successful mutation writes to the activity log, and of which tenant. Required for
   * every method but GET: the framework refuses to mount a mutation that would leave no trace.
   */
  readonly activity?: (
    context: RouteContext<z.output<P>, z.output<Q>, z.output<B>, S>,
    result: z.output<R>,
  ) => TenantActivity | TenantActivity[];
}

/**
 * One row a route adds to a tenant's activity log: the activity log's draft (`audit/`) with the tenant it belongs to.
 * Spelled out here because the log sits above this toolkit; the API's pipeline hands it to `ActivityLog.append`, so the
 * compiler keeps the two shapes in step.
 */
export interface TenantActivity {
  readonly tenantId: string;
  /** `<category>.<verb>`, e.g. `portal_user.invited`. */
  readonly action: ActivityAction;
  readonly target?: { type: string; id: string; label?: string };
  readonly details?: Record<string, string | number | boolean | null>;
}

/**
 * The `defineRoute` of routes whose handlers reach the services `S`: declares a route with its schemas' types flowing
 * into the handler.
 */
export function routeDefiner<S extends RouteServices>() {
  return function defineRoute<
    P extends AnyObjectSchema,
    Q extends AnyObjectSchema,
    B extends z.ZodType,
    R extends z.ZodType,
  >(spec: RouteSpec<S, P, Q, B, R>): RouteSpec<S> {
    if ((spec.contentType === 'application/zip') !== (spec.stream !== undefined)) {
      throw new Error(`route ${spec.id}: a streamed body needs a stream function, and only a streamed body has one`);
    }
    if (spec.method !== 'GET' && spec.activity === undefined) {
      throw new Error(`route ${spec.id} mutates but writes nothing to the activity log`);
    }
    return spec as unknown as RouteSpec<S>;
  };
}

/** Declares a route whose handler needs only the database, the clock and the logger. */
export const defineRoute = routeDefiner<RouteServices>();
