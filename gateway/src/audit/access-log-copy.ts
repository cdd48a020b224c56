import { createHash } from 'node:crypto';
import { COLUMNS, type AccessLogRow } from './access-log-row';

/**
 * The append's hot path: a group commit's entries hashed into the chain and written as the lines
 * of `COPY access_log (COLUMN_LIST) FROM STDIN` (text format), in one pass. An export of 10^6
 * people appends 10^6 entries; hashing each through rowHash (an array and JSON.stringify per row)
 * and sending them as one json_populate_recordset (PostgreSQL parsing every text[] from JSON) cost
 * more than the export itself. Here the request's own columns are turned into JSON and COPY text
 * once per request, and a person's `fields` and `subgraphs` once per distinct array.
 *
 * rowHash (access-log-row.ts) stays the definition of what a hash covers, and verify() uses it:
 * the bytes hashed here are the same (test: gateway/test/access-log-copy.test.ts).
 */

/** What one request's entries share: everything but the person, the sequence number and the links. */
export interface RequestColumns {
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
  correlationId: string | null;
}

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

/** One value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/** A text[] in COPY's text format: every element quoted, so commas, braces and spaces stay text. */
export function copyArray(values: readonly string[]): string {
  return copyText(`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

/** JSON and COPY text of an array, computed once per distinct array object of a write. */
class ArrayForms {
  private readonly known = new Map<readonly string[], { json: string; copy: string }>();
  of(values: readonly string[]): { json: string; copy: string } {
    let forms = this.known.get(values);
    if (!forms) {
      forms = { json: JSON.stringify(values), copy: copyArray(values) };
      this.known.set(values, forms);
    }
    return forms;
  }
}

/**
 * Chains entries from a head (last seq and hash), request by request: `lines(request, people)`
 * returns that request's COPY lines and advances the head.
 */
export class ChainWriter {
  private readonly arrays = new ArrayForms();

  constructor(
    public seq: number,
    public prevHash: string,
  ) {}

  lines(request: RequestColumns, people: readonly PersonColumns[]): string {
    const shared = [
      request.at.toISOString(),
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
    // `"at","request",…,"operation"` of the hashed array, and the same columns as COPY text.
    const sharedJson = JSON.stringify(shared).slice(1, -1);
    const sharedCopy = shared.map(copyText).join('\t');
    const correlationJson = JSON.stringify(request.correlationId);
    const correlationCopy = copyText(request.correlationId);
    let out = '';
    for (const person of people) {
      const seq = ++this.seq;
      const subgraphs = this.arrays.of(person.subgraphs);
      const fields = this.arrays.of(person.fields);
      const later = request.correlationId !== null || person.lookup !== null ? `,${correlationJson},${JSON.stringify(person.lookup)}` : '';
      const content = `[${seq},${sharedJson},${subgraphs.json},${JSON.stringify(person.workerId)},${JSON.stringify(person.householdCode)},${JSON.stringify(person.villageCode)},${fields.json}${later}]`;
      const hash = createHash('sha256').update(`${this.prevHash}\n${content}`).digest('hex');
      out += `${seq}\t${sharedCopy}\t${subgraphs.copy}\t${copyText(person.workerId)}\t${copyText(person.householdCode)}\t${copyText(person.villageCode)}\t${fields.copy}\t${correlationCopy}\t${copyText(person.lookup)}\t${this.prevHash}\t${hash}\n`;
      this.prevHash = hash;
    }
    return out;
  }
}
