import { badRequest, type GraphError } from '../http/errors.js';
import type { MessageRecord } from '../model/records.js';

type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

const COMPARE: Record<Operator, (order: number) => boolean> = {
  eq: (order) => order === 0,
  ne: (order) => order !== 0,
  gt: (order) => order > 0,
  ge: (order) => order >= 0,
  lt: (order) => order < 0,
  le: (order) => order <= 0,
};

type Kind = 'instant' | 'boolean' | 'string';

/** The message properties a list `$filter` may compare, by kind (https://learn.microsoft.com/graph/api/resources/message). */
const FILTERABLE: Record<string, { name: keyof MessageRecord; kind: Kind }> = {
  receiveddatetime: { name: 'receivedDateTime', kind: 'instant' },
  sentdatetime: { name: 'sentDateTime', kind: 'instant' },
  createddatetime: { name: 'createdDateTime', kind: 'instant' },
  lastmodifieddatetime: { name: 'lastModifiedDateTime', kind: 'instant' },
  isread: { name: 'isRead', kind: 'boolean' },
  isdraft: { name: 'isDraft', kind: 'boolean' },
  hasattachments: { name: 'hasAttachments', kind: 'boolean' },
  conversationid: { name: 'conversationId', kind: 'string' },
  internetmessageid: { name: 'internetMessageId', kind: 'string' },
  importance: { name: 'importance', kind: 'string' },
  subject: { name: 'subject', kind: 'string' },
};

export interface FilterClause {
  /** The property as the resource spells it (`receivedDateTime`). */
  property: string;
  operator: Operator;
  test: (message: MessageRecord) => boolean;
}

const CLAUSE = /^(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(.+)$/i;

function literal(kind: Kind, text: string, clause: string): string | boolean {
  if (kind === 'boolean') {
    if (!/^(true|false)$/i.test(text)) throw invalidFilter(clause);
    return text.toLowerCase() === 'true';
  }
  if (kind === 'string') {
    const quoted = /^'((?:[^']|'')*)'$/.exec(text);
    if (!quoted) throw invalidFilter(clause);
    return (quoted[1] ?? '').replace(/''/g, "'");
  }
  const instant = new Date(text.replace(/^'|'$/g, ''));
  if (!/^'?\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(instant.getTime())) throw invalidFilter(clause);
  return instant.toISOString();
}

function invalidFilter(clause: string): GraphError {
  return badRequest(`Invalid filter clause: '${clause}'.`, 'ErrorInvalidUrlQueryFilter');
}

function order(kind: Kind, value: unknown, wanted: string | boolean): number {
  if (kind === 'instant') return new Date(String(value)).toISOString().localeCompare(wanted as string);
  if (kind === 'string') return String(value).toLowerCase().localeCompare(String(wanted).toLowerCase());
  return value === wanted ? 0 : 1;
}

/**
 * A message `$filter` (https://learn.microsoft.com/graph/filter-query-parameter): comparisons joined by `and`, such as
 * `isRead eq false`, `receivedDateTime ge 2026-01-01T00:00:00Z` or `conversationId eq '…'`. Instants are compared as
 * instants; strings, as Exchange compares them, ignoring case. A property the simulator cannot compare is refused with
 * 400 rather than ignored.
 */
export function parseMessageFilter(filter: string): FilterClause[] {
  return filter.split(/\s+and\s+/i).map((source) => {
    const clause = source.trim().replace(/^\((.*)\)$/, '$1');
    const match = CLAUSE.exec(clause);
    const known = FILTERABLE[(match?.[1] ?? '').toLowerCase()];
    if (!match || !known) throw invalidFilter(clause);
    const operator = (match[2] ?? '').toLowerCase() as Operator;
    if (known.kind === 'boolean' && operator !== 'eq' && operator !== 'ne') throw invalidFilter(clause);
    const wanted = literal(known.kind, (match[3] ?? '').trim(), clause);
    return {
      property: known.name,
      operator,
      test: (message) => COMPARE[operator](order(known.kind, message[known.name], wanted)),
    };
  });
}
