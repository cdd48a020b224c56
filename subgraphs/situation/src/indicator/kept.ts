import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { todayInChina, type Logger } from '@jiuye/common';
import type { Sql } from '../db';
import { readFreshness } from '../freshness/freshness.service';
import type { Freshness } from '../freshness/freshness.types';
import type { Region } from '../region/region.types';
import { indicatorFigures, type IndicatorReadout } from './indicator.service';
import { readoutOf, type ReadOutFigures } from './readout-thread';

/**
 * The indicators' suppressed tables kept between requests (issue 16). A period's tables span the
 * whole registry (every region of one period is cut from one pattern), so they depend on the
 * period, the threshold, the day and the read model's rows only — not on the caller or the
 * region. Once computed they are kept with the snapshot they were read in
 * (pg_current_snapshot(), taken before the first read) and reused by every request while no
 * transaction that wrote an indicator input (indicator_input_change, Migration20261211300000)
 * is invisible in that snapshot: a kept answer is then exactly what a computation now would give.
 * After a change the next request computes afresh (or joins the computation under way, when that
 * one began after the request did), and the background refresher (refresh.ts) computes the
 * periods dashboards asked for as soon as the changes settle, so that request usually finds them
 * ready. No answer is staler than its own request.
 */
export interface KeptTables {
  database: string;
  period: string;
  threshold: number;
  day: string;
  /** pg_current_snapshot() before the computation read anything. */
  snapshot: string;
  /** How far the read model was applied when the computation began (what a stale answer reports). */
  freshness: Freshness;
  readout: IndicatorReadout;
  /** Date.now() before the snapshot was taken. */
  startedAt: number;
  /** When the tables were last found current (their computation, or a check that found no change since): a later change is at most this old. */
  currentAt: number;
  computedAt: number;
  /** The last request (or refresh) that read it. */
  askedAt: number;
}

/** Periods kept at most (least recently asked dropped first): each holds every table of one period. */
const MAX_KEPT = 32;

const kept = new Map<string, KeptTables>();
const inFlight = new Map<string, Promise<KeptTables>>();

const keyOf = (database: string, period: string, threshold: number, day: string) => `${database}|${period}|${threshold}|${day}`;

/** SQL: no transaction that wrote an indicator input is invisible in `snapshot` (a pg_snapshot expression) — tables read in it still hold. */
const currentIn = (snapshot: string) =>
  `not exists (select 1 from indicator_input_change c where c.txid >= pg_snapshot_xmin(${snapshot}) and not pg_visible_in_snapshot(c.txid, ${snapshot}))`;

/** Kept and stored tables are at most this old (the refresher drops older ones; changes are noted for a day). */
export const MAX_AGE_MS = 12 * 3600_000;

/** SQL over indicator_kept k: rows of threshold $1, day $2 and build $3, computed within MAX_AGE_MS. */
const STORED_FOR = `k.threshold = $1 and k.day = $2::date and k.version = $3 and k.computed_at > now() - make_interval(secs => ${MAX_AGE_MS / 1000})`;

/**
 * The database asked (its name: a key of the kept tables) and which of the given snapshots still
 * hold: no transaction that wrote an indicator input is invisible in them. One statement.
 */
export async function probeKept(sql: Sql, snapshots: readonly string[]): Promise<{ database: string; current: boolean[] }> {
  const row = await sql.one<{ database: string; current: boolean[] }>(
    `select current_database() as database,
            coalesce(array(
              select ${currentIn('s.snapshot::pg_snapshot')}
                from unnest($1::text[]) with ordinality as s(snapshot, n) order by s.n), '{}') as current`,
    [snapshots],
  );
  return { database: row!.database, current: row!.current };
}

/** Computes a period's tables (or joins the computation of them under way) and keeps them. */
function compute(sql: Sql, database: string, period: string, threshold: number, day: string): Promise<KeptTables> {
  const key = keyOf(database, period, threshold, day);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = (async () => {
      // Not kept in this process (it started since, or dropped them): the figures stored by an earlier computation, if still current.
      const restored = kept.has(key) ? null : await restoreFigures(sql, database, period, threshold, day);
      if (restored) {
        keep(key, restored);
        return restored;
      }
      const startedAt = Date.now();
      const freshness = await readFreshness(sql);
      const { snapshot } = (await sql.one<{ snapshot: string }>(`select pg_current_snapshot()::text as snapshot`))!;
      const figures = await indicatorFigures(sql, period, threshold);
      const readout = readoutOf(figures);
      const now = Date.now();
      const before = kept.get(key);
      // A refresh keeps when it was last asked for (requests mark their own).
      const entry: KeptTables = {
        database,
        period,
        threshold,
        day,
        snapshot,
        freshness,
        readout,
        startedAt,
        currentAt: startedAt,
        computedAt: now,
        askedAt: before?.askedAt ?? now,
      };
      // A computation that began later and ended first is not replaced by this older one.
      if (!before || before.startedAt <= startedAt) {
        keep(key, entry);
        storeFigures(entry, figures);
      }
      return entry;
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

function keep(key: string, entry: KeptTables): void {
  kept.delete(key);
  kept.set(key, entry);
  while (kept.size > MAX_KEPT) {
    const oldest = [...kept.entries()].reduce((a, b) => (b[1].askedAt < a[1].askedAt ? b : a));
    kept.delete(oldest[0]);
  }
}

/** Kept tables as a request gets them: `stale` when they were read before a change not yet in them (maxStaleMs). */
export interface KeptAnswer {
  readout: IndicatorReadout;
  /** Set when the tables predate a change (served within maxStaleMs while they are computed again): how fresh their data is. */
  stale: Freshness | null;
}

/**
 * The whole registry's suppressed tables of one period (indicator.service.ts indicatorTables),
 * kept: unchanged inputs since they were computed → the kept tables (one short statement);
 * else computed now — shared with identical requests in flight, so many screens of one
 * dashboard refreshing together cost what one does. With maxStaleMs > 0, tables that predate a
 * change but were read at most maxStaleMs ago are answered at once (stale, with their freshness)
 * while the computation runs in the background.
 */
export async function keptIndicatorTables(sql: Sql, period: string, threshold: number, maxStaleMs = 0): Promise<KeptAnswer> {
  const requested = Date.now();
  const day = todayInChina();
  const code = period.trim();
  const candidates = [...kept.values()].filter((e) => e.period === code && e.threshold === threshold && e.day === day);
  const { database, current } = await probeKept(
    sql,
    candidates.map((e) => e.snapshot),
  );
  const entry = candidates.find((e, i) => e.database === database && current[i]);
  if (entry) {
    entry.askedAt = Date.now();
    entry.currentAt = Math.max(entry.currentAt, requested);
    return { readout: entry.readout, stale: null };
  }
  // Tables found current at most maxStaleMs ago: every change not in them is at most that old.
  const outdated = kept.get(keyOf(database, code, threshold, day));
  if (outdated && maxStaleMs > 0 && requested - outdated.currentAt <= maxStaleMs) {
    outdated.askedAt = Date.now();
    // Computed again meanwhile (or joined, when already under way); a failure waits for the next request or refresh.
    void compute(sql, database, code, threshold, day).catch(() => undefined);
    return { readout: outdated.readout, stale: outdated.freshness };
  }
  // A computation that began before this request may have read before a change the request must
  // see: its tables are taken only if still current, else one more computation (begun after it).
  for (;;) {
    // Tables kept meanwhile by a computation that began after this request did are current enough.
    const since = kept.get(keyOf(database, code, threshold, day));
    if (since && since.startedAt >= requested) {
      since.askedAt = Date.now();
      return { readout: since.readout, stale: null };
    }
    const computed = await compute(sql, database, code, threshold, day);
    computed.askedAt = Date.now();
    if (computed.startedAt >= requested || (await probeKept(sql, [computed.snapshot])).current[0]) return { readout: computed.readout, stale: null };
  }
}

/** The kept tables of a period, never staler than the request (keptIndicatorTables without maxStaleMs). */
export async function sharedIndicatorTables(sql: Sql, period: string, threshold: number): Promise<IndicatorReadout> {
  return (await keptIndicatorTables(sql, period, threshold)).readout;
}

export async function sharedIndicators(sql: Sql, region: Region, period: string, threshold: number) {
  return (await sharedIndicatorTables(sql, period, threshold))(region);
}

/** The kept tables of a database (the background refresher's work list), most recently asked first. */
export function keptOf(database: string): KeptTables[] {
  return [...kept.values()].filter((e) => e.database === database).sort((a, b) => b.askedAt - a.askedAt);
}

/** Drops kept tables (not asked for since `askedBefore`, or computed before `computedBefore`, or of another day than `day`). */
export function dropKept(database: string, rule: { askedBefore: number; computedBefore: number; day: string }): void {
  for (const [key, e] of kept) if (e.database === database && (e.askedAt < rule.askedBefore || e.computedAt < rule.computedBefore || e.day !== rule.day)) kept.delete(key);
}

/** Computes a kept period again now (the refresher): the new tables replace the old when done. */
export function recomputeKept(sql: Sql, entry: KeptTables): Promise<KeptTables> {
  return compute(sql, entry.database, entry.period, entry.threshold, entry.day);
}

/**
 * Where computed figures are stored (indicator_kept in the read model's primary; Migration20261212100000)
 * and the build's figuresVersion() they are stored under, per database, set by the service's start
 * (index.ts): a restart then takes them back instead of computing again while they are current.
 * None (tests of the computation alone): not stored, not restored.
 */
interface KeptStore {
  sql: Sql;
  logger: Logger;
  version: string;
}

const stores = new Map<string, KeptStore>();
const storing = new Set<Promise<void>>();

/** Figures computed from `database` (current_database(), as kept tables are keyed) are stored through `where` (its primary); null: no more. */
export function storeKeptIn(database: string, where: KeptStore | null): void {
  if (where) stores.set(database, where);
  else stores.delete(database);
}

/** Resolves when the figures being stored now are stored (or failed to be). */
export async function keptStored(): Promise<void> {
  while (storing.size) await Promise.all([...storing]);
}

/**
 * The code that computes figures: a hash of the situation service's and common's modules (and
 * V8's serialisation format). Stored figures are taken back only by the build that computed
 * them: a release that changes a rule or a figure computes afresh.
 */
export async function figuresVersion(): Promise<string> {
  const hash = createHash('sha256').update(process.versions.v8);
  const roots = [path.join(__dirname, '..'), path.dirname(require.resolve('@jiuye/common'))];
  for (const root of roots) {
    const files = (await readdir(root, { recursive: true })).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) hash.update(file).update(await readFile(path.join(root, file)));
  }
  return hash.digest('hex').slice(0, 32);
}

/** Stores a computation's figures (in the background: the answer does not wait); a failure is logged and leaves them in memory only. */
function storeFigures(entry: KeptTables, figures: ReadOutFigures): void {
  const where = stores.get(entry.database);
  if (!where) return;
  const done = (async () => {
    try {
      // Figures of past days are never taken back.
      await where.sql.rows(`delete from indicator_kept where day <> $1::date`, [entry.day]);
      await where.sql.rows(
        `insert into indicator_kept (period, threshold, day, version, snapshot, started_at, computed_at, freshness, figures)
         values ($1, $2, $3::date, $4, $5::pg_snapshot, to_timestamp($6::float8 / 1000), to_timestamp($7::float8 / 1000), $8, $9)
         on conflict (period, threshold) do update
           set day = excluded.day, version = excluded.version, snapshot = excluded.snapshot, started_at = excluded.started_at,
               computed_at = excluded.computed_at, freshness = excluded.freshness, figures = excluded.figures
         where indicator_kept.day <> excluded.day or indicator_kept.started_at <= excluded.started_at`,
        [entry.period, entry.threshold, entry.day, where.version, entry.snapshot, entry.startedAt, entry.computedAt, serialize(entry.freshness), serialize(figures)],
      );
    } catch (error) {
      where.logger.warn({ period: entry.period, error: (error as Error).message }, 'storing computed indicators failed; they are kept in memory only');
    }
  })();
  storing.add(done);
  void done.finally(() => storing.delete(done));
}

/**
 * The figures stored for this period, threshold and day by this build, when still current (no
 * indicator input written since their snapshot) and computed within MAX_AGE_MS (as the
 * refresher drops kept tables): kept again as if computed now. The figures are read only when current.
 */
async function restoreFigures(sql: Sql, database: string, period: string, threshold: number, day: string): Promise<KeptTables | null> {
  const where = stores.get(database);
  if (!where) return null;
  const row = await sql.one<{ snapshot: string; started_at: Date; computed_at: Date; current: boolean; freshness: Buffer | null; figures: Buffer | null }>(
    `with k as (select k.*, ${currentIn('k.snapshot')} as current from indicator_kept k where ${STORED_FOR} and k.period = $4)
     select snapshot::text as snapshot, started_at, computed_at, current,
            case when current then freshness end as freshness, case when current then figures end as figures
       from k`,
    [threshold, day, where.version, period],
  );
  if (!row?.current || !row.figures || !row.freshness) return null;
  const now = Date.now();
  return {
    database,
    period,
    threshold,
    day,
    snapshot: row.snapshot,
    freshness: deserialize(row.freshness) as Freshness,
    readout: readoutOf(deserialize(row.figures) as ReadOutFigures),
    startedAt: new Date(row.started_at).getTime(),
    currentAt: now,
    computedAt: new Date(row.computed_at).getTime(),
    askedAt: now,
  };
}

/**
 * Takes back every period stored for today by this build that is still current (after a start:
 * the periods dashboards asked before it, not only the ones the warm-up computes), through the
 * shared computation (a request meanwhile joins it). One statement lists them; a period that
 * changed since its listing is computed, as a request would. Resolves with the periods kept.
 */
export async function takeBackStored(sql: Sql, threshold: number): Promise<string[]> {
  const { database } = (await sql.one<{ database: string }>(`select current_database() as database`))!;
  const where = stores.get(database);
  if (!where) return [];
  const day = todayInChina();
  const rows = await sql.rows<{ period: string }>(`select period from indicator_kept k where ${STORED_FOR} and ${currentIn('k.snapshot')} order by computed_at desc`, [
    threshold,
    day,
    where.version,
  ]);
  const taken: string[] = [];
  for (const { period } of rows) {
    if (kept.has(keyOf(database, period, threshold, day))) continue;
    await compute(sql, database, period, threshold, day);
    taken.push(period);
  }
  return taken;
}
