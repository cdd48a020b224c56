import pg from 'pg';
import { DEPARTMENT_NAMES, endPool, todayInChina, villageOfHousehold, type DepartmentName, type Logger, type TaskDueDays } from '@jiuye/common';
import { ALL_REFERENCE_TABLES, Projector } from './projector';
import { nextWorkerIds, REFERENCE_SOURCES, type ReferenceTable, type SourcePools } from './sources';
import { recountVillages } from '../roster/village-counts';
import { HISTORY_KEYS, VERSIONED_TABLES } from '../history/as-of';
import { syncZeroEmployment } from '../task/task.spells';
import { refreshWarnings } from '../warning/warning.state';
import { refreshConflicts } from '../conflict/conflict.state';
import { clientSql } from '../db';
import { rebuildKnownPeople, syncKnownPeople } from '../completeness/known-people';
import { BesideBuild } from './beside';

/** Tables whose change re-projects every household (names of cadres and units) or every trainee (class dates, course kinds). */
const ALL_HOUSEHOLDS_SOURCES = new Set(['cadre', 'responsible_unit']);
const ALL_TRAINEES_SOURCES = new Set(['training_class', 'course']);
export const DERIVED_TABLES = [
  'village_counts',
  'person_situation',
  'household_situation',
  'household_relapse',
  'employment_spell',
  'transfer_spell',
  'follow_up',
  'subsidy_paid',
  'training_enrolment',
  'job_fair_intention',
  'welfare_assignment',
  'record_verification',
  'person_service',
  'known_person',
  'warning_state',
  'conflict_state',
];

/** What the projector's workers phase writes: person_situation and the event tables (indexed once it is done). */
const WORKER_TABLES = DERIVED_TABLES.filter(
  (table) => !['village_counts', 'household_situation', 'household_relapse', 'known_person', 'warning_state', 'conflict_state'].includes(table),
);
/** maintenance_work_mem of a rebuild: its index builds sort in memory (10^6 rows of person_situation). */
const INDEX_BUILD_MEMORY = '256MB';

export const OUTBOX_CHANNEL = 'jiuye_outbox';
const WORKER_BATCH = 2000;
const HOUSEHOLD_BATCH = 5000;

interface OutboxRow {
  source: string;
  worker_id: string | null;
  household_code: string | null;
}

export interface FeedOptions {
  situationUrl: string;
  sourceUrls: Record<DepartmentName, string>;
  pollMs: number;
  logger: Logger;
  /** Outbox rows taken per department per cycle. */
  batchSize?: number;
  /** Due days of the tasks the feed opens (zero-employment households); default DEFAULT_TASK_DUE_DAYS. */
  taskDueDays?: TaskDueDays;
  /** Whether the tasks it opens go to the household's responsible cadre's account (TASK_AUTO_ASSIGN); default true. */
  taskAutoAssign?: boolean;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function openSourcePools(urls: Record<DepartmentName, string>): SourcePools {
  return Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, quietPool(urls[name], 3)])) as SourcePools;
}

/**
 * A pool whose idle connections may be dropped by the server (a department's PostgreSQL
 * restarting): the pool discards them and the next cycle reconnects; without a listener the
 * pool's 'error' event would end the service. A failed query is the feed's to retry.
 */
function quietPool(connectionString: string, max: number): pg.Pool {
  // A database that does not answer at all (a network partition) fails the cycle after 10 s, not never.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A checked-out client has no error listener of its pool's: a server that goes away while the
 * cycle holds it would emit an unhandled 'error' and end the process. The query under way fails
 * (and so the cycle); the event itself is ignored here.
 */
function ignoreClientError(): void {}

function watched(client: pg.PoolClient): pg.PoolClient {
  client.on('error', ignoreClientError);
  return client;
}

function releaseChecked(client: pg.PoolClient, failure: unknown): void {
  client.removeListener('error', ignoreClientError);
  client.release(failure ? (failure instanceof Error ? failure : new Error(String(failure))) : undefined);
}

/** The departments whose databases a feed cycle could not connect to (the cycle needs all five). */
export class SourcesUnreachable extends Error {
  constructor(
    readonly departments: DepartmentName[],
    cause: unknown,
  ) {
    super(`cannot reach the database of ${departments.join(', ')}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'SourcesUnreachable';
  }
}

/**
 * One client from each department's pool, or none: when one department's database cannot be
 * reached, the clients already taken from the others go back (without this, each failed cycle
 * kept them, the pools ran dry and the feed waited forever, even after the database returned),
 * and the error names the departments that could not be reached.
 */
async function connectAll(pools: SourcePools): Promise<pg.PoolClient[]> {
  const settled = await Promise.allSettled(DEPARTMENT_NAMES.map((name) => pools[name].connect()));
  const clients = settled.flatMap((result) => (result.status === 'fulfilled' ? [watched(result.value)] : []));
  const failed = DEPARTMENT_NAMES.filter((_, i) => settled[i].status === 'rejected');
  if (failed.length) {
    for (const client of clients) releaseChecked(client, null);
    throw new SourcesUnreachable(failed, (settled.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason);
  }
  return clients;
}

/** What a rebuild did: its counts, its time, and the time of each phase (ms; the bench prints them). */
export interface RebuildReport {
  workers: number;
  households: number;
  elapsedMs: number;
  phases: Record<string, number>;
}

/**
 * Replaces the whole read model from the departments' current rows, in one transaction of the
 * situation database: built beside the live tables and swapped in at its end (beside.ts), so
 * readers keep the previous model until it commits, then see the whole new one. Outbox rows are left
 * alone; whatever changed meanwhile is applied by the feed afterwards (re-projection is
 * idempotent).
 */
export async function rebuildReadModel(situationUrl: string, sources: SourcePools, logger?: Logger, taskDueDays?: TaskDueDays, taskAutoAssign = true): Promise<RebuildReport> {
  const started = Date.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const lap = (phase: string) => {
    const now = Date.now();
    phases[phase] = (phases[phase] ?? 0) + (now - mark);
    mark = now;
  };
  const startedAt = new Date();
  const today = todayInChina();
  const projector = new Projector(sources);
  const client = new pg.Client({ connectionString: situationUrl });
  // The server going away mid-rebuild fails the query under way; the event must not end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('begin');
    // The versioned tables' history is written once, before commit (settle_read_model_history), not by their triggers per batch.
    await client.query(`set local jiuye.history_deferred = 'on'`);
    // The indexes are built by sort after each table's load (beside.ts).
    await client.query(`set local maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
    // Empty copies of every rebuilt table, first on the search path: the live model stays what readers see until the swap.
    const beside = await BesideBuild.prepare(client, [...DERIVED_TABLES, ...ALL_REFERENCE_TABLES]);
    lap('prepare');
    for (const table of ALL_REFERENCE_TABLES) await projector.copyReference(client, table);
    await beside.index(ALL_REFERENCE_TABLES);
    lap('reference');
    let workers = 0;
    // A pipeline: the next batch is read from the departments and projected while this one is written.
    const readBatch = async (after: { household: string; id: string } | null) => {
      const batch = await nextWorkerIds(sources, after, WORKER_BATCH);
      if (batch.length === 0) return null;
      const last = batch[batch.length - 1];
      return {
        next: { household: last.household_code, id: last.id },
        read: await projector.readWorkers(
          batch.map((row) => row.id),
          today,
        ),
      };
    };
    let ahead = readBatch(null);
    for (;;) {
      const current = await ahead;
      if (current === null) break;
      ahead = readBatch(current.next);
      // Awaited on the next turn; should this write fail first, its failure is the rebuild's, not an unhandled rejection.
      ahead.catch(() => undefined);
      await projector.writeWorkers(client, current.read, true);
      workers += current.read.ids.length;
      if (logger && workers % 100_000 < WORKER_BATCH) logger.info({ workers }, 'situation rebuild: workers projected');
    }
    lap('workers');
    for (const [step, ms] of Object.entries(projector.timings)) phases[`workers.${step}`] = ms;
    // Loaded: the households, villages and kept views read them by index.
    await beside.index(WORKER_TABLES);
    lap('workers.index');
    const codes = (await client.query<{ household_code: string }>('select distinct household_code from person_situation order by 1')).rows.map((r) => r.household_code);
    for (const batch of chunks(codes, HOUSEHOLD_BATCH)) await projector.projectHouseholds(client, batch, today, { empty: true });
    await beside.index(['household_situation', 'household_relapse']);
    lap('households');
    const villages = (await client.query<{ village_code: string }>('select distinct village_code from person_situation')).rows.map((r) => r.village_code);
    for (const batch of chunks(villages, 200)) await recountVillages(client, batch);
    await beside.index(['village_counts']);
    lap('villages');
    // 应登尽登: the people poverty and civil know (compared with the registry by completeness/).
    await rebuildKnownPeople(client, sources, today);
    await beside.index(['known_person']);
    lap('knownPeople');
    // Spells and tasks are situation's own records (not rebuilt): brought in step with the rebuilt households.
    await syncZeroEmployment(client, null, today, taskDueDays, taskAutoAssign);
    lap('zeroEmployment');
    // 预警 and 数据比对冲突: every warning that holds today and every conflict, kept (warning/warning.state.ts, conflict/conflict.state.ts).
    await refreshWarnings(clientSql(client), today, null);
    lap('warnings');
    await refreshConflicts(clientSql(client), null);
    lap('conflicts');
    await client.query(`set local jiuye.history_deferred = 'off'`);
    // The new tables against the live history (the copies are first on the search path).
    for (const table of VERSIONED_TABLES) {
      const { key, stamp } = HISTORY_KEYS[table];
      await client.query('select settle_read_model_history($1, $2, $3)', [table, key, stamp]);
    }
    lap('history');
    await client.query(
      `insert into source_state (department, checked_at, oldest_pending_at, rebuilt_at)
       select d, $2::timestamptz, null, now() from unnest($1::text[]) d
       on conflict (department) do update set rebuilt_at = now(),
         checked_at = coalesce(source_state.checked_at, excluded.checked_at)`,
      [[...DEPARTMENT_NAMES], startedAt],
    );
    await beside.swap();
    // The copies were loaded before their triggers came (beside.ts), so the statement triggers that
    // tell the kept indicators of a change (indicator/kept.ts) did not fire: the rebuild notes itself.
    await client.query(`insert into indicator_input_change (txid) values (pg_current_xact_id()) on conflict (txid) do nothing`);
    lap('swap');
    await client.query('commit');
    lap('commit');
    // The visibility map (index-only counts) of the new tables, person_situation (the largest) on a
    // second connection beside the others; their statistics were taken before the swap. The history
    // needs none: settled once, it changed only where the content did (autovacuum's business).
    await vacuumRebuilt(client, situationUrl);
    lap('vacuum');
    return { workers, households: codes.length, elapsedMs: Date.now() - started, phases };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** vacuum of every derived table, in two lanes: person_situation on a connection of its own, the rest on `client`. */
async function vacuumRebuilt(client: pg.Client, situationUrl: string): Promise<void> {
  const second = new pg.Client({ connectionString: situationUrl });
  second.on('error', () => undefined);
  await second.connect();
  try {
    const rest = DERIVED_TABLES.filter((table) => table !== 'person_situation');
    await Promise.all([
      second.query(`vacuum "person_situation"`),
      (async () => {
        for (const table of rest) await client.query(`vacuum "${table}"`);
      })(),
    ]);
  } finally {
    await second.end();
  }
}

/**
 * The change feed: takes the departments' outbox rows (LISTEN/NOTIFY wakes it at once, a
 * poll every pollMs catches anything missed), re-projects the workers and households they
 * name, and records per department how far the model is applied (source_state).
 *
 * Delivery: outbox rows are deleted in the department's transaction, which commits only after
 * the read model's transaction has committed; a crash in between replays them (harmless).
 * `for update skip locked` lets two replicas share the work. A row whose transaction has not
 * committed is invisible until it does, so nothing is skipped the way an id cursor could.
 */
/** Where the feed stood with one department after its last successful cycle (for the metrics: projection/feed-metrics.ts). */
export interface DepartmentFeedState {
  checkedAt: Date;
  /** The oldest outbox row left for a later cycle; null when none was left. */
  oldestPendingAt: Date | null;
  /** Outbox rows left for a later cycle. */
  pending: number;
}

export class ChangeFeed {
  readonly sources: SourcePools;
  /** Per department, as of the last cycle that committed; a department whose cycles fail keeps its old state (its lag grows). */
  readonly state = new Map<DepartmentName, DepartmentFeedState>();
  /**
   * The departments the last cycle could not connect to: the read model waits for them (a
   * re-projection needs every department's facts), so every department's lag grows, and this
   * says which one it is waiting for (jiuye_read_model_source_unreachable).
   */
  readonly unreachable = new Set<DepartmentName>();
  private readonly situation: pg.Pool;
  private readonly projector: Projector;
  private readonly listeners = new Map<DepartmentName, pg.Client>();
  private readonly relisten = new Map<DepartmentName, NodeJS.Timeout>();
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: FeedOptions) {
    this.sources = openSourcePools(options.sourceUrls);
    this.situation = quietPool(options.situationUrl, 2);
    this.projector = new Projector(this.sources);
  }

  async start(): Promise<void> {
    const state = await this.situation.query('select count(*)::int as n from source_state where rebuilt_at is not null');
    if (state.rows[0].n < DEPARTMENT_NAMES.length) {
      const report = await rebuildReadModel(this.options.situationUrl, this.sources, this.options.logger, this.options.taskDueDays, this.options.taskAutoAssign);
      this.options.logger.info(report, 'situation read model built from the departments');
    } else {
      // A model built before spells were kept (or while the feed was down): every household's spell brought in step once.
      await this.inSituationTransaction((client) => syncZeroEmployment(client, null, todayInChina(), this.options.taskDueDays, this.options.taskAutoAssign));
      // A model built before known_person was kept (应登尽登): filled once from poverty and civil.
      const known = await this.situation.query('select exists (select 1 from known_person) as present');
      if (!known.rows[0].present) await this.inSituationTransaction((client) => rebuildKnownPeople(client, this.sources, todayInChina()));
    }
    await Promise.all(DEPARTMENT_NAMES.map((name) => this.listen(name)));
    await this.runCycle();
    this.schedule();
  }

  /**
   * LISTEN on a department's outbox channel. A listener the server drops (the department's
   * PostgreSQL restarting) or that cannot connect is opened again after a pause; meanwhile the
   * poll catches everything, NOTIFY only makes it sooner.
   */
  private async listen(name: DepartmentName): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.sourceUrls[name], connectionTimeoutMillis: 10_000 });
    let lost = false;
    const again = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.listeners.get(name) === client) this.listeners.delete(name);
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.logger.warn({ department: name, error: error?.message ?? 'connection ended' }, 'outbox listener lost; polling continues, listening again shortly');
      this.relisten.set(
        name,
        setTimeout(
          () => {
            this.relisten.delete(name);
            void this.listen(name);
          },
          Math.max(1000, this.options.pollMs * 5),
        ),
      );
    };
    client.on('error', again);
    client.on('end', () => again());
    try {
      await client.connect();
      client.on('notification', () => this.wake());
      await client.query(`listen ${OUTBOX_CHANNEL}`);
      // Stopped meanwhile (stop() ended the listeners it found): this one is ended here.
      if (this.stopped) return void (await client.end().catch(() => undefined));
      this.listeners.set(name, client);
    } catch (error) {
      again(error as Error);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runCycle().finally(() => this.schedule());
    }, this.options.pollMs);
  }

  private async inSituationTransaction<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    // Watched like a cycle's clients: a server that goes away meanwhile fails the work, not the process.
    const client = watched(await this.situation.connect());
    let failure: unknown = null;
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      failure = error;
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      releaseChecked(client, failure);
    }
  }

  /** A NOTIFY arrived: run a cycle now (or right after the one under way). */
  private wake(): void {
    if (this.stopped) return;
    if (this.cycle) {
      this.again = true;
      return;
    }
    void this.runCycle();
  }

  /** Applies everything pending now; resolves with the number of outbox rows applied. */
  async runCycle(): Promise<number> {
    if (this.cycle) {
      this.again = true;
      return this.cycle;
    }
    this.cycle = (async () => {
      let total = 0;
      try {
        for (;;) {
          this.again = false;
          const applied = await this.applyPending();
          total += applied.rows;
          if (!applied.more && !this.again) break;
        }
      } catch (error) {
        const departments = error instanceof SourcesUnreachable ? { waitingFor: error.departments } : {};
        this.options.logger.error({ error: (error as Error).message, ...departments }, 'situation feed: a cycle failed; it is retried at the next poll');
      }
      return total;
    })().finally(() => {
      this.cycle = null;
    });
    return this.cycle;
  }

  private async applyPending(): Promise<{ rows: number; more: boolean }> {
    const cycleStart = new Date();
    const batchSize = this.options.batchSize ?? 5000;
    let clients: pg.PoolClient[];
    try {
      clients = await connectAll(this.sources);
      this.unreachable.clear();
    } catch (error) {
      if (error instanceof SourcesUnreachable) {
        this.unreachable.clear();
        for (const name of error.departments) this.unreachable.add(name);
      }
      throw error;
    }
    let situation: pg.PoolClient | null = null;
    let failure: unknown = null;
    try {
      const taken: Record<string, OutboxRow[]> = {};
      for (const [i, name] of DEPARTMENT_NAMES.entries()) {
        await clients[i].query('begin');
        const result = await clients[i].query<OutboxRow>(
          `delete from outbox where id in (select id from outbox order by id limit $1 for update skip locked) returning source, worker_id, household_code`,
          [batchSize],
        );
        taken[name] = result.rows;
      }
      const rows = Object.values(taken).reduce((n, list) => n + list.length, 0);
      situation = watched(await this.situation.connect());
      await situation.query('begin');
      if (rows > 0) await this.apply(situation, taken);
      const pending = await Promise.all(
        DEPARTMENT_NAMES.map((_, i) => clients[i].query<{ oldest: Date | null; n: number }>('select min(recorded_at) as oldest, count(*)::int as n from outbox')),
      );
      for (const [i, name] of DEPARTMENT_NAMES.entries()) {
        const applied = taken[name].length;
        // This transaction no longer sees the rows it took; what it counts is still to do.
        const remaining = pending[i].rows[0].n;
        await situation.query(
          `insert into source_state (department, checked_at, oldest_pending_at, last_applied_at, applied_changes)
           values ($1, $2, $3, case when $4::int > 0 then now() end, $4)
           on conflict (department) do update set checked_at = excluded.checked_at, oldest_pending_at = excluded.oldest_pending_at,
             last_applied_at = coalesce(excluded.last_applied_at, source_state.last_applied_at),
             applied_changes = source_state.applied_changes + excluded.applied_changes`,
          [name, cycleStart, remaining > 0 ? pending[i].rows[0].oldest : null, applied],
        );
      }
      await situation.query('commit');
      for (const client of clients) await client.query('commit');
      for (const [i, name] of DEPARTMENT_NAMES.entries()) {
        const { oldest, n } = pending[i].rows[0];
        this.state.set(name, { checkedAt: cycleStart, oldestPendingAt: n > 0 ? oldest : null, pending: n });
      }
      return { rows, more: DEPARTMENT_NAMES.some((name) => taken[name].length === batchSize) };
    } catch (error) {
      failure = error;
      if (situation) await situation.query('rollback').catch(() => undefined);
      for (const client of clients) await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      // After a failure the connections are not trusted again (one may be broken): the pools open new ones.
      if (situation) releaseChecked(situation, failure);
      for (const client of clients) releaseChecked(client, failure);
    }
  }

  private async apply(client: pg.ClientBase, taken: Record<string, OutboxRow[]>): Promise<void> {
    const today = todayInChina();
    const workers = new Set<string>();
    const households = new Set<string>();
    const references = new Set<ReferenceTable>();
    let allHouseholds = false;
    let allTrainees = false;
    for (const [department, rows] of Object.entries(taken)) {
      for (const row of rows) {
        if (row.worker_id) workers.add(row.worker_id);
        if (row.household_code) households.add(row.household_code);
        if (row.worker_id || row.household_code) continue;
        if (ALL_HOUSEHOLDS_SOURCES.has(row.source)) allHouseholds = true;
        else if (ALL_TRAINEES_SOURCES.has(row.source)) allTrainees = true;
        else if (row.source in REFERENCE_SOURCES && REFERENCE_SOURCES[row.source as ReferenceTable].department === department) references.add(row.source as ReferenceTable);
      }
    }
    for (const table of references) await this.projector.copyReference(client, table);
    for (const id of await this.projector.membersOf([...households])) workers.add(id);
    if (allTrainees) {
      const trainees = await client.query<{ worker_id: string }>('select distinct worker_id from training_enrolment');
      for (const row of trainees.rows) workers.add(row.worker_id);
    }
    const touched = new Set(households);
    for (const batch of chunks([...workers], WORKER_BATCH)) {
      for (const code of await this.projector.projectWorkers(client, batch, today)) touched.add(code);
    }
    if (allHouseholds) {
      for (const row of (await client.query<{ code: string }>('select code from household_situation')).rows) touched.add(row.code);
    }
    for (const batch of chunks([...touched], HOUSEHOLD_BATCH)) await this.projector.projectHouseholds(client, batch, today);
    // The villages whose kept counts moved.
    await recountVillages(client, [...new Set([...touched].map(villageOfHousehold))]);
    // Zero-employment spells and their tasks (reopened when a household is zero-employment again).
    await syncZeroEmployment(client, [...touched], today, this.options.taskDueDays, this.options.taskAutoAssign);
    // 预警 and 数据比对冲突 of the people and households re-projected (every warning on a new day): kept,
    // warning/warning.state.ts and conflict/conflict.state.ts.
    const reprojected = { workers: [...workers], households: [...touched] };
    await refreshWarnings(clientSql(client), today, reprojected);
    await refreshConflicts(clientSql(client), reprojected);
    // 应登尽登: the people poverty and civil know, for the households and people they named (all of
    // them when a cadre's name changed: it is copied onto each member of the households it answers for).
    const known = [...taken.poverty, ...taken.civil];
    if (allHouseholds) await rebuildKnownPeople(client, this.sources, today);
    else
      await syncKnownPeople(
        client,
        this.sources,
        known.flatMap((row) => (row.household_code ? [row.household_code] : [])),
        known.flatMap((row) => (row.worker_id ? [row.worker_id] : [])),
        today,
      );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.cycle?.catch(() => undefined);
    for (const timer of this.relisten.values()) clearTimeout(timer);
    await Promise.all([...this.listeners.values()].map((client) => client.end().catch(() => undefined)));
    await endPool(this.situation);
    await Promise.all(Object.values(this.sources).map((pool) => endPool(pool)));
  }
}
