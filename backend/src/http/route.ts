import type { Request, Response } from 'restify';
import type { z } from 'zod';
import type { Permission } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import type { ActivityDraft } from '../../audit/activity-log.js';
import type { ApiServices } from '../services.js';
import type { Language } from './language.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type AnyObjectSchema = z.ZodObject;

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal;
  readonly language: Language;
  readonly services: ApiServices;
  readonly request: Request;
  readonly response: Response;
}

/**
 * One operation of the API: its address, who may call it, the schemas that validate its input
 * and its output (and from which the OpenAPI document is generated), and for mutations what it
 * writes to the tenant's activity log.
 */
export interface RouteSpec<
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
  readonly handler: (context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
  /**
   * For streamed bodies: writes the body the handler decided on, after its activity is recorded, so the log holds
   * every download even if the client stops reading halfway.
   */
  readonly stream?: (
    context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>,
    result: z.output<R>,
  ) => Promise<void>;
  /**
   * What a successful mutation writes to the activity log, and of which tenant. Required for
   * every method but GET: the framework refuses to mount a mutation that would leave no trace.
   */
  readonly activity?: (
    context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>,
    result: z.output<R>,
  ) => TenantActivity | TenantActivity[];
}

export interface TenantActivity extends ActivityDraft {
  readonly tenantId: string;
}

/** Declares a route with its schemas' types flowing into the handler. */
export function defineRoute<
  P extends AnyObjectSchema,
  Q extends AnyObjectSchema,
  B extends z.ZodType,
  R extends z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  if ((spec.contentType === 'application/zip') !== (spec.stream !== undefined)) {
    throw new Error(`route ${spec.id}: a streamed body needs a stream function, and only a streamed body has one`);
  }
  if (spec.method !== 'GET' && spec.activity === undefined) {
    throw new Error(`route ${spec.id} mutates but writes nothing to the activity log`);
  }
  return spec as unknown as RouteSpec;
}
