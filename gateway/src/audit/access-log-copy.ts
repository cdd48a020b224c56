import { createHash } from 'node:crypto';
import { copyField } from '@jiuye/common';
import { COLUMNS, type AccessLogRow } from './access-log-row';

/**
 * The append's hot path: a group commit's entries hashed into the chain, in one pass, and written
 * in two parts: what differs per entry as the lines of `COPY access_log_stage FROM STDIN` (text
 * format), and what entries share — each request's own columns, each distinct `fields` and
 * `subgraphs` array — once, by number (STAGE_INSERT joins them). An export of 10^6 people appends
 * 10^6 entries; hashing each through rowHash (an array and JSON.stringify per row) and sending
 * them as one json_populate_recordset (PostgreSQL parsing every text[] from JSON) cost more than
 * the export itself, and COPY of whole rows still parsed each row's 21 exported column names.
 *
 * rowHash (access-log-row.ts) stays the definition of what a hash covers, and verify() uses it:
 * the bytes hashed here are the same (test: gateway/test/access-log-copy.test.ts).
 */

/** What one request's entries share: everything but the person, the sequence number and the links. */
export type RequestColumns = Pick<
  AccessLogRow,
  'at' | 'requestId' | 'staff' | 'department' | 'role' | 'region' | 'partnerCity' | 'institution' | 'purpose' | 'operation' | 'correlationId'
>;

/** One person's part of an entry (PersonEntry of access-log.ts). */
export interface PersonColumns {
  subgraphs: string[];
  workerId: string | null;
  householdCode: string | null;
  villageCode: string | null;
  fields: string[];
  lookup: AccessLogRow['lookup'];
}

/** The hashed content's order, as this file writes it; COLUMNS must list exactly this (checked when the module loads). */
const HASHED_ALWAYS = [
  'seq',
  'at',
  'requestId',
  'staff',
  'department',
  'role',
  'region',
  'partnerCity',
  'institution',
  'purpose',
  'operation',
  'subgraphs',
  'workerId',
  'householdCode',
  'villageCode',
  'fields',
] as const;
const HASHED_WHEN_SET = ['correlationId', 'lookup'] as const;
const COPY_ORDER = [...HASHED_ALWAYS, ...HASHED_WHEN_SET, 'prevHash', 'hash'] as const;
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
if (
  !same(
    COLUMNS.filter((c) => c.hashed === 'always').map((c) => c.field),
    HASHED_ALWAYS,
  ) ||
  !same(
    COLUMNS.filter((c) => c.hashed === 'when-set').map((c) => c.field),
    HASHED_WHEN_SET,
  ) ||
  !same(
    COLUMNS.map((c) => c.field),
    COPY_ORDER,
  )
)
  throw new Error('access-log-copy.ts writes the columns in an order COLUMNS no longer has: update it with access-log-row.ts');

/**
 * The staging table an append's entries are copied into, one per connection (temporary), emptied
 * at every commit: only what differs per entry, the rest by number (STAGE_INSERT).
 */
export const CREATE_STAGE = `create temporary table if not exists access_log_stage (
  seq bigint not null, request int not null, subgraphs int not null, fields int not null,
  worker_id text, household_code text, village_code text, lookup text, prev_hash char(64) not null, hash char(64) not null
) on commit delete rows`;
export const STAGE_COLUMNS = 'seq, request, subgraphs, fields, worker_id, household_code, village_code, lookup, prev_hash, hash';

/**
 * The staged entries into the log: $1 the requests (JSON, numbered n), $2 the distinct arrays
 * (JSON, numbered n). The column list is COLUMN_LIST's order (checked when this module loads).
 */
export const STAGE_INSERT = `insert into access_log (${COLUMNS.map((c) => c.column).join(', ')})
select s.seq, r.at, r.request_id, r.staff, r.department, r.role, r.region, r.partner_city, r.institution, r.purpose, r.operation,
       sg.list, s.worker_id, s.household_code, s.village_code, f.list, r.correlation_id, s.lookup, s.prev_hash, s.hash
from access_log_stage s
join json_to_recordset($1::json) as r(n int, at timestamptz, request_id text, staff text, department text, role text, region text, partner_city text,
       institution text, purpose text, operation text, correlation_id text) on r.n = s.request
join json_to_recordset($2::json) as sg(n int, list text[]) on sg.n = s.subgraphs
join json_to_recordset($2::json) as f(n int, list text[]) on f.n = s.fields
order by s.seq`;

/**
 * Chains entries from a head (last seq and hash), request by request: `lines(request, people)`
 * returns that request's staging lines and advances the head; `requests` and `arrays` are then
 * STAGE_INSERT's parameters.
 */
export class ChainWriter {
  private readonly arrayNumbers = new Map<readonly string[], { n: number; json: string }>();
  private readonly arrayList: { n: number; list: readonly string[] }[] = [];
  private readonly requestList: (Omit<RequestColumns, 'at'> & { n: number; at: string })[] = [];

  constructor(
    public seq: number,
    public prevHash: string,
  ) {}

  /** The requests written so far, as STAGE_INSERT's $1. */
  get requests(): string {
    return JSON.stringify(
      this.requestList.map(({ requestId, partnerCity, correlationId, ...rest }) => ({ ...rest, request_id: requestId, partner_city: partnerCity, correlation_id: correlationId })),
    );
  }

  /** The distinct arrays, as STAGE_INSERT's $2. */
  get arrays(): string {
    return JSON.stringify(this.arrayList);
  }

  private array(values: readonly string[]): { n: number; json: string } {
    let known = this.arrayNumbers.get(values);
    if (!known) {
      known = { n: this.arrayList.length + 1, json: JSON.stringify(values) };
      this.arrayNumbers.set(values, known);
      this.arrayList.push({ n: known.n, list: values });
    }
    return known;
  }

  lines(request: RequestColumns, people: readonly PersonColumns[]): string {
    const n = this.requestList.length + 1;
    const at = request.at.toISOString();
    this.requestList.push({ ...request, n, at });
    const shared = [
      at,
      request.requestId,
      request.staff,
      request.department,
      request.role,
      request.region,
      request.partnerCity,
      request.institution,
      request.purpose,
      request.operation,
    ];
    // `"at","request",…,"operation"` of the hashed array.
    const sharedJson = JSON.stringify(shared).slice(1, -1);
    const correlationJson = JSON.stringify(request.correlationId);
    let out = '';
    for (const person of people) {
      const seq = ++this.seq;
      const subgraphs = this.array(person.subgraphs);
      const fields = this.array(person.fields);
      const later = request.correlationId !== null || person.lookup !== null ? `,${correlationJson},${JSON.stringify(person.lookup)}` : '';
      const content = `[${seq},${sharedJson},${subgraphs.json},${JSON.stringify(person.workerId)},${JSON.stringify(person.householdCode)},${JSON.stringify(person.villageCode)},${fields.json}${later}]`;
      const hash = createHash('sha256').update(`${this.prevHash}\n${content}`).digest('hex');
      out += `${seq}\t${n}\t${subgraphs.n}\t${fields.n}\t${copyField(person.workerId)}\t${copyField(person.householdCode)}\t${copyField(person.villageCode)}\t${copyField(person.lookup)}\t${this.prevHash}\t${hash}\n`;
      this.prevHash = hash;
    }
    return out;
  }
}
