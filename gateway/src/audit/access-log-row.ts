import { createHash } from 'node:crypto';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AccessLogRow {
  seq: number;
  at: Date;
  requestId: string;
  staff: string;
  department: string;
  role: string;
  region: string | null;
  partnerCity: string | null;
  institution: string | null;
  purpose: string | null;
  operation: string | null;
  /** The departments that answered about this person in this request. */
  subgraphs: string[];
  workerId: string | null;
  householdCode: string | null;
  villageCode: string | null;
  fields: string[];
  /** The client's own x-request-id, kept beside the gateway's request id to correlate with the client's logs. */
  correlationId: string | null;
  /** For a lookup by ID number (fields `lookup:…`): what it answered. Null for other reads. */
  lookup: LookupOutcome | null;
  prevHash: string;
  hash: string;
}

/**
 * What a lookup by ID number answered: the person (found), nothing (not-found: unknown or out
 * of scope, the caller cannot tell), a malformed number (invalid), or another refusal (refused).
 */
export type LookupOutcome = 'found' | 'not-found' | 'invalid' | 'refused';
export const LOOKUP_OUTCOMES: readonly LookupOutcome[] = ['found', 'not-found', 'invalid', 'refused'];

interface Column {
  field: keyof AccessLogRow;
  column: string;
  /**
   * What the row's hash covers: `always` (the first version's content, in this order),
   * `when-set` (added later: covered, all of them, once any is set, so entries written before
   * they existed keep their hash), `chain` (the links themselves).
   */
  hashed: 'always' | 'when-set' | 'chain';
  /** The value as JSON (the hash's content), when not the value itself. */
  toJson?: (value: any) => unknown;
  /** The value from a pg row, when not the value itself. */
  fromDatabase?: (value: any) => unknown;
}

/**
 * The access log's columns, written once: the hash's content (in this order), the insert and
 * every select come from this list (the append's COPY and its one-pass hashing: access-log-copy.ts, which checks it writes this order). Adding a column means a migration (access-log-migrations.ts)
 * and an entry here, `when-set` (a new `always` column would break every existing hash).
 */
export const COLUMNS: readonly Column[] = [
  { field: 'seq', column: 'seq', hashed: 'always', fromDatabase: Number },
  { field: 'at', column: 'at', hashed: 'always', toJson: (at: Date) => at.toISOString() },
  { field: 'requestId', column: 'request_id', hashed: 'always' },
  { field: 'staff', column: 'staff', hashed: 'always' },
  { field: 'department', column: 'department', hashed: 'always' },
  { field: 'role', column: 'role', hashed: 'always' },
  { field: 'region', column: 'region', hashed: 'always' },
  { field: 'partnerCity', column: 'partner_city', hashed: 'always' },
  { field: 'institution', column: 'institution', hashed: 'always' },
  { field: 'purpose', column: 'purpose', hashed: 'always' },
  { field: 'operation', column: 'operation', hashed: 'always' },
  { field: 'subgraphs', column: 'subgraphs', hashed: 'always' },
  { field: 'workerId', column: 'worker_id', hashed: 'always' },
  { field: 'householdCode', column: 'household_code', hashed: 'always' },
  { field: 'villageCode', column: 'village_code', hashed: 'always' },
  { field: 'fields', column: 'fields', hashed: 'always' },
  // Hole 9 and 3: the client's own request id, and the outcome of a lookup by ID number.
  { field: 'correlationId', column: 'correlation_id', hashed: 'when-set' },
  { field: 'lookup', column: 'lookup', hashed: 'when-set' },
  { field: 'prevHash', column: 'prev_hash', hashed: 'chain' },
  { field: 'hash', column: 'hash', hashed: 'chain' },
];

/** `seq, at, request_id, …` for selects and the insert. */
export const COLUMN_LIST = COLUMNS.map((c) => c.column).join(', ');

const asJson = (c: Column, row: Partial<AccessLogRow>): unknown => {
  const value = row[c.field] ?? null;
  return c.toJson && value !== null ? c.toJson(value) : value;
};

/**
 * The exact bytes a row's hash covers; verify() and append() must agree on it. Entries written
 * before correlation_id and lookup existed have both null, and their content is the original
 * array: so old entries keep verifying. An entry with either set covers both (nulling them
 * later changes the content, and the hash no longer matches).
 */
export function rowHash(prevHash: string, entry: Omit<AccessLogRow, 'prevHash' | 'hash'>): string {
  const row: Partial<AccessLogRow> = entry;
  const content = COLUMNS.filter((c) => c.hashed === 'always').map((c) => asJson(c, row));
  const later = COLUMNS.filter((c) => c.hashed === 'when-set');
  if (later.some((c) => row[c.field] != null)) content.push(...later.map((c) => asJson(c, row)));
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(content)).digest('hex');
}

/** A pg row of `select ${COLUMN_LIST}` as an entry. */
export function fromDatabase(row: Record<string, any>): AccessLogRow {
  return Object.fromEntries(COLUMNS.map((c) => [c.field, c.fromDatabase ? c.fromDatabase(row[c.column]) : (row[c.column] ?? null)])) as unknown as AccessLogRow;
}
