import { todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { readFreshness } from '../freshness/freshness.service';
import type { Freshness } from '../freshness/freshness.types';
import type { Region } from '../region/region.types';
import { indicatorTables, type IndicatorReadout } from './indicator.service';

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

/**
 * The database asked (its name: a key of the kept tables) and which of the given snapshots still
 * hold: no transaction that wrote an indicator input is invisible in them. One statement.
 */
export async function probeKept(sql: Sql, snapshots: readonly string[]): Promise<{ database: string; current: boolean[] }> {
  const row = await sql.one<{ database: string; current: boolean[] }>(
    `select current_database() as database,
            coalesce(array(
              select not exists (select 1 from indicator_input_change c
                                  where c.txid >= pg_snapshot_xmin(s.snapshot::pg_snapshot) and not pg_visible_in_snapshot(c.txid, s.snapshot::pg_snapshot))
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
      const startedAt = Date.now();
      const freshness = await readFreshness(sql);
      const { snapshot } = (await sql.one<{ snapshot: string }>(`select pg_current_snapshot()::text as snapshot`))!;
      const readout = await indicatorTables(sql, period, threshold);
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
      if (!before || before.startedAt <= startedAt) keep(key, entry);
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
