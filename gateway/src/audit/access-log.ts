import pg from 'pg';
import { endPool, ensureDatabaseExists, villageOfPlace, type AccessReportEntry, type RequestIdentity } from '@jiuye/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { COLUMN_LIST, fromDatabase, GENESIS_HASH, rowHash, type AccessLogRow, type LookupOutcome } from './access-log-row';
import { ChainWriter, CREATE_STAGE, STAGE_COLUMNS, STAGE_INSERT } from './access-log-copy';
import { migrate } from './access-log-migrations';

export { COLUMNS, GENESIS_HASH, LOOKUP_OUTCOMES, rowHash, type AccessLogRow, type LookupOutcome } from './access-log-row';
export { MIGRATIONS, migrate, type Migration } from './access-log-migrations';

/**
 * 访问日志 — the append-only, hash-chained access log. One row per request and person (or
 * household), with every department that answered about them: who (staff account, department, role, scope), when, which person,
 * which fields, for what purpose, from which request. Each row's hash covers the previous
 * row's hash and its own content, so editing or deleting any row breaks the chain from there
 * on; `npm run audit:verify` recomputes it. A trigger refuses UPDATE, DELETE and TRUNCATE, and
 * appends are serialised by an advisory lock so that sequence numbers have no gaps.
 */
const APPEND_LOCK = 7_355_608;

function ignoreConnectionError(): void {}
/** Worker ids per call to the residence authority (its route takes at most 5000). */
const VILLAGE_BATCH = 5000;

export interface DepartmentAccess extends AccessReportEntry {
  subgraph: string;
  /** Set on the gateway's own entry for a lookup by ID number. */
  lookup?: LookupOutcome;
}

/** What else an append knows about its request besides the identity. */
export interface AppendOptions {
  /** The client's x-request-id (not the gateway's request id). */
  correlationId?: string | null;
}

/**
 * Where people live, for entries a department could not place (partner cities and training
 * institutions do not know a worker's village): worker pseudonym → village code, for those
 * the residence authority knows. May throw; the entries are then written without a village.
 */
export type VillageResolver = (workerIds: string[], requestId: string) => Promise<Map<string, string>>;

export interface LookupCount {
  staff: string;
  department: string;
  scope: string | null;
  found: number;
  notFound: number;
  invalid: number;
  refused: number;
  lastAt: Date;
}

export interface VerificationResult {
  ok: boolean;
  rows: number;
  headSeq: number | null;
  /** The first row whose content, link or sequence does not hold, and why. */
  firstBroken?: { seq: number; problem: string };
}

export interface AccessLogQuery {
  workerIds?: string[];
  staff?: string;
  since?: Date;
  until?: Date;
  /** Keep rows whose village lies in this region (department staff reading their own people's log). */
  region?: string;
  beforeSeq?: number;
  limit: number;
}

interface PendingAppend {
  identity: RequestIdentity;
  operation: string | null;
  people: PersonEntry[];
  /** How many reads the caller appended (what append resolves with). */
  reads: number;
  at: Date;
  correlationId: string | null;
  resolve(n: number): void;
  reject(error: unknown): void;
}

export class AccessLogStore {
  private constructor(readonly pool: pg.Pool) {}

  /** Places entries no department could place (see VillageResolver); none: they stay without a village. */
  private villages: { resolve: VillageResolver; onError(error: unknown): void } | null = null;

  static async open(databaseUrl: string): Promise<AccessLogStore> {
    await ensureDatabaseExists(databaseUrl);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    // An idle connection the server drops (a restart, pg_terminate_backend, PostgreSQL stopping
    // before the gateway) is discarded by the pool and the next append opens a new one; without a
    // listener the pool's 'error' event would end the gateway. A failed append is its caller's.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
    } catch (error) {
      // Refused (a newer gateway's database, migrations failing): nothing left open behind the error.
      await endPool(pool);
      throw error;
    }
    return new AccessLogStore(pool);
  }

  /**
   * The access log for reading only (the audit service): no migration (the gateway, its writer,
   * migrates), every session read-only (default_transaction_read_only), so this process cannot
   * append, whatever its database role may do.
   */
  static openReader(databaseUrl: string, poolSize = 4): AccessLogStore {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: '-c default_transaction_read_only=on' });
    pool.on('error', () => undefined);
    return new AccessLogStore(pool);
  }

  /** Entries reported without a village get it from here before they are written (one call per group commit). */
  placeWith(resolve: VillageResolver, onError: (error: unknown) => void = () => undefined): void {
    this.villages = { resolve, onError };
  }

  async close(): Promise<void> {
    await endPool(this.pool);
  }

  /**
   * Appends one request's reads. Requests that arrive while a write is under way are written
   * together in the next transaction (group commit): one fsync for many requests, and the
   * chain stays in arrival order. Resolves once the rows are durable; rejects if they are not.
   * The reads are copied: the caller may reuse its array.
   */
  append(identity: RequestIdentity, operation: string | null, reads: DepartmentAccess[], options: AppendOptions = {}): Promise<number> {
    if (reads.length === 0) return Promise.resolve(0);
    const { correlationId = null } = options;
    const at = new Date();
    const people = mergeByPerson(reads);
    const started = process.hrtime.bigint();
    const observed = (ok: boolean) => this.observer?.(Number(process.hrtime.bigint() - started) / 1e9, ok);
    return new Promise((resolve, reject) => {
      this.pending.push({
        identity,
        operation,
        people,
        reads: reads.length,
        at,
        correlationId,
        resolve: (n) => (observed(true), resolve(n)),
        reject: (error) => (observed(false), reject(error)),
      });
      this.flushing ??= this.flush();
    });
  }

  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;
  /** Appends in the group commit being written now. */
  private writing = 0;
  private observer: ((seconds: number, ok: boolean) => void) | null = null;

  /** Appends not yet durable: waiting for the next group commit or in the one being written (gateway/src/metrics). */
  get queueDepth(): number {
    return this.pending.length + this.writing;
  }

  /** Told, for every append, how long it took to be durable (or to fail). */
  observeAppends(observer: (seconds: number, ok: boolean) => void): void {
    this.observer = observer;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        this.writing = batch.length;
        try {
          await this.place(batch);
          await this.write(batch);
          for (const request of batch) request.resolve(request.reads);
        } catch (error) {
          for (const request of batch) request.reject(error);
        }
        this.writing = 0;
      }
    } finally {
      this.writing = 0;
      this.flushing = null;
    }
  }

  /** Fills the village of every person entry no department placed, from the residence authority. */
  private async place(batch: PendingAppend[]): Promise<void> {
    if (!this.villages) return;
    const unplaced = batch.flatMap((request) => request.people.filter((person) => person.workerId && !person.villageCode));
    if (unplaced.length === 0) return;
    try {
      const ids = [...new Set(unplaced.map((person) => person.workerId!))];
      const villages = new Map<string, string>();
      for (let start = 0; start < ids.length; start += VILLAGE_BATCH) {
        for (const [id, village] of await this.villages.resolve(ids.slice(start, start + VILLAGE_BATCH), batch[0].identity.requestId)) villages.set(id, village);
      }
      for (const person of unplaced) person.villageCode = villages.get(person.workerId!) ?? null;
    } catch (error) {
      // The entries are still written (auditors see them); region staff miss them until the authority answers again.
      this.villages.onError(error);
    }
  }

  /** One transaction for several requests' reads; nothing is written if any row fails. */
  private async write(requests: PendingAppend[]): Promise<void> {
    const client = await this.pool.connect();
    // A checked-out client has no listener of its pool's: the server ending the connection mid-write
    // would be an unhandled 'error' that ends the gateway. The write's query fails and says so.
    client.on('error', ignoreConnectionError);
    let failed: Error | undefined;
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const head = await client.query('select seq, hash from access_log_head where id = 1');
      const chain = new ChainWriter(head.rowCount ? Number(head.rows[0].seq) : 0, head.rowCount ? head.rows[0].hash : GENESIS_HASH);
      // One pass: each request's entries hashed into the chain and handed to COPY as they are made;
      // what they share goes once, as the insert's parameters (access-log-copy.ts).
      // Every time (a no-op once the connection has it): a pooler handing out other server
      // connections between transactions cannot leave an append without its table.
      await client.query(CREATE_STAGE);
      const lines = function* () {
        for (const { identity, operation, people, at, correlationId } of requests) {
          yield chain.lines(
            {
              at,
              requestId: identity.requestId,
              staff: identity.subject,
              department: identity.department,
              role: identity.role,
              region: identity.region ?? null,
              partnerCity: identity.partnerCity ?? null,
              institution: identity.institution ?? null,
              purpose: identity.purpose ?? null,
              operation: operation?.slice(0, 200) ?? null,
              correlationId,
            },
            people,
          );
        }
      };
      await pipeline(Readable.from(lines()), client.query(copyFrom(`copy access_log_stage (${STAGE_COLUMNS}) from stdin`)));
      await client.query(STAGE_INSERT, [chain.requests, chain.arrays]);
      const { seq, prevHash } = chain;
      await client.query('insert into access_log_head (id, seq, hash) values (1, $1, $2) on conflict (id) do update set seq = excluded.seq, hash = excluded.hash', [seq, prevHash]);
      await client.query('commit');
    } catch (error) {
      failed = error instanceof Error ? error : new Error(String(error));
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.removeListener('error', ignoreConnectionError);
      // After a failure the connection is not reused (it may be the broken one).
      client.release(failed);
    }
  }

  async find(query: AccessLogQuery): Promise<AccessLogRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.workerIds) where.push(`worker_id = any(${param(query.workerIds)}::text[])`);
    if (query.staff) where.push(`staff = ${param(query.staff)}`);
    if (query.since) where.push(`at >= ${param(query.since)}`);
    if (query.until) where.push(`at < ${param(query.until)}`);
    if (query.region) where.push(`village_code like ${param(`${query.region}%`)}`);
    if (query.beforeSeq) where.push(`seq < ${param(query.beforeSeq)}`);
    const sql = `select ${COLUMN_LIST} from access_log ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit ${param(query.limit)}`;
    return (await this.pool.query(sql, params)).rows.map(fromDatabase);
  }

  /**
   * Lookups by ID number per staff account, most misses first: an account probing numbers
   * shows as many not-found (and invalid) lookups. Counts only — no person in the answer.
   */
  async lookupCounts(query: { staff?: string; since?: Date; until?: Date; limit: number }): Promise<LookupCount[]> {
    const where = ['lookup is not null'];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.staff) where.push(`staff = ${param(query.staff)}`);
    if (query.since) where.push(`at >= ${param(query.since)}`);
    if (query.until) where.push(`at < ${param(query.until)}`);
    const { rows } = await this.pool.query(
      `select staff, department, coalesce(region, partner_city, institution) as scope,
              count(*) filter (where lookup = 'found')::int as found, count(*) filter (where lookup = 'not-found')::int as not_found,
              count(*) filter (where lookup = 'invalid')::int as invalid, count(*) filter (where lookup = 'refused')::int as refused,
              max(at) as last_at
       from access_log where ${where.join(' and ')}
       group by staff, department, coalesce(region, partner_city, institution)
       order by count(*) filter (where lookup in ('not-found', 'invalid')) desc, staff limit ${param(query.limit)}`,
      params,
    );
    return rows.map((row) => ({
      staff: row.staff,
      department: row.department,
      scope: row.scope,
      found: row.found,
      notFound: row.not_found,
      invalid: row.invalid,
      refused: row.refused,
      lastAt: row.last_at,
    }));
  }

  /** The newest entries per worker, for Worker.accessLog (one statement for all workers). */
  async latestForWorkers(workerIds: readonly string[], perWorker: number, region?: string): Promise<Map<string, AccessLogRow[]>> {
    const { rows } = await this.pool.query(
      `select ${COLUMN_LIST} from (
         select ${COLUMN_LIST}, row_number() over (partition by worker_id order by seq desc) as position
         from access_log where worker_id = any($1::text[]) ${region ? 'and village_code like $3' : ''}
       ) ranked where position <= $2 order by worker_id, seq desc`,
      region ? [workerIds, perWorker, `${region}%`] : [workerIds, perWorker],
    );
    const byWorker = new Map<string, AccessLogRow[]>(workerIds.map((id) => [id, []]));
    for (const row of rows) byWorker.get(row.worker_id)?.push(fromDatabase(row));
    return byWorker;
  }

  /** Walks the whole chain in sequence order, in batches, and recomputes every hash. */
  async verify(batchSize = 5000): Promise<VerificationResult> {
    const head = await this.pool.query('select seq, hash from access_log_head where id = 1');
    const headSeq = head.rowCount ? Number(head.rows[0].seq) : null;
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    for (;;) {
      const { rows } = await this.pool.query(`select ${COLUMN_LIST} from access_log where seq >= $1 order by seq limit $2`, [expectedSeq, batchSize]);
      if (rows.length === 0) break;
      for (const raw of rows) {
        const row = fromDatabase(raw);
        if (row.seq !== expectedSeq)
          return { ok: false, rows: count, headSeq, firstBroken: { seq: expectedSeq, problem: `entry ${expectedSeq} is missing (the next one is ${row.seq})` } };
        if (row.prevHash !== prevHash)
          return {
            ok: false,
            rows: count,
            headSeq,
            firstBroken: { seq: row.seq, problem: 'its link to the previous entry does not match (an entry before it was changed or removed)' },
          };
        const { prevHash: _p, hash: _h, ...content } = row;
        if (rowHash(prevHash, content) !== row.hash)
          return { ok: false, rows: count, headSeq, firstBroken: { seq: row.seq, problem: 'its content does not match its hash (it was edited)' } };
        prevHash = row.hash;
        expectedSeq += 1;
        count += 1;
      }
    }
    const lastSeq = expectedSeq - 1;
    if ((headSeq ?? 0) !== lastSeq) {
      return {
        ok: false,
        rows: count,
        headSeq,
        firstBroken: { seq: lastSeq + 1, problem: `the log ends at entry ${lastSeq} but its head says ${headSeq ?? 0} (entries were removed from the end)` },
      };
    }
    if (headSeq !== null && head.rows[0].hash !== prevHash) {
      return { ok: false, rows: count, headSeq, firstBroken: { seq: lastSeq, problem: 'the last entry does not match the recorded head' } };
    }
    return { ok: true, rows: count, headSeq };
  }
}

/** The strongest outcome when one request looked the same person up more than once. */
const OUTCOME_RANK: Record<LookupOutcome, number> = { found: 3, 'not-found': 2, invalid: 1, refused: 0 };

export interface PersonEntry {
  subgraphs: string[];
  workerId: string | null;
  householdCode: string | null;
  villageCode: string | null;
  fields: string[];
  lookup: LookupOutcome | null;
}

/**
 * One entry per person (or household) of a request: the fields every department read about
 * them (field names are unique across departments: the federation contract), which
 * departments answered, the village whichever department could place them, and what a lookup
 * by their ID number answered (the gateway's own report, subgraph '' : no department).
 */
export function mergeByPerson(reads: DepartmentAccess[]): PersonEntry[] {
  const people = new Map<
    string,
    {
      subgraphs: Set<string>;
      workerId: string | null;
      householdCode: string | null;
      villageCode: string | null;
      /** The fields of the person's one read as that read gave them; merged into `fields` once a second read comes. */
      onlyRead: readonly string[] | null;
      fields: Set<string> | null;
      lookup: LookupOutcome | null;
    }
  >();
  for (const read of reads) {
    const key = read.workerId ? `w:${read.workerId}` : `h:${read.householdCode ?? ''}`;
    let person = people.get(key);
    if (!person) {
      person = {
        subgraphs: new Set(),
        workerId: read.workerId ?? null,
        householdCode: read.workerId ? null : (read.householdCode ?? null),
        villageCode: null,
        onlyRead: read.fields,
        fields: null,
        lookup: null,
      };
      people.set(key, person);
    } else {
      person.fields ??= new Set(person.onlyRead);
      person.onlyRead = null;
      for (const field of read.fields) person.fields.add(field);
    }
    if (read.subgraph) person.subgraphs.add(read.subgraph);
    person.villageCode ??= read.villageCode ?? (read.workerId ? null : (villageOfPlace(read.householdCode) ?? null));
    if (read.lookup && (person.lookup === null || OUTCOME_RANK[read.lookup] > OUTCOME_RANK[person.lookup])) person.lookup = read.lookup;
  }
  // People read alike (an export's: the same columns from the same department) share one array
  // each, so the append turns it into JSON and COPY text once (access-log-copy.ts); a read's
  // array given for many people (an export page's) is sorted once.
  const arrays = new Map<string, string[]>();
  const shared = (values: Iterable<string>): string[] => {
    const sorted = [...new Set(values)].sort();
    const key = sorted.join('\u0000');
    const known = arrays.get(key);
    if (known) return known;
    arrays.set(key, sorted);
    return sorted;
  };
  const ofRead = new Map<readonly string[], string[]>();
  const sharedOfRead = (fields: readonly string[]): string[] => {
    let known = ofRead.get(fields);
    if (!known) ofRead.set(fields, (known = shared(fields)));
    return known;
  };
  return [...people.values()].map((person) => ({
    subgraphs: shared(person.subgraphs),
    workerId: person.workerId,
    householdCode: person.householdCode,
    villageCode: person.villageCode,
    fields: person.fields ? shared(person.fields) : sharedOfRead(person.onlyRead!),
    lookup: person.lookup,
  }));
}
