import pg from 'pg';
import { endPool, todayInChina, type Logger } from '@jiuye/common';
import { clientSql, readModelTypes, type Sql } from '../db';
import { dropKept, keptOf, MAX_AGE_MS, probeKept, recomputeKept } from './kept';

export interface RefreshOptions {
  /** How often the kept tables are checked against the changes noted (default 1000 ms). */
  pollMs?: number;
  /** Changes have settled when none was noted for this long (default 1000 ms). */
  settleMs?: number;
  /** A stream of changes that never settles is computed anyway after this long (default 30 s). */
  maxDelayMs?: number;
  /** A period no request asked for in this long is no longer kept (default 15 minutes). */
  keepMs?: number;
  /**
   * At most this share of the service's time goes to computing in the background (default 0.2):
   * after computations that took T ms the next wait T × (1 / share − 1). The tables are built on
   * the indicator worker thread (readout-thread.ts; about a minute of CPU per calendar family at
   * 10^6), off the event loop but on one of the machine's cores, so a stream of changes must not
   * keep it busy; requests still compute for themselves when they find nothing current.
   */
  busyShare?: number;
}

/** Noted changes are deleted after a day (kept tables are at most MAX_AGE_MS old). */
const PRUNE_EVERY_MS = 60_000;

/**
 * The background half of the kept indicators (kept.ts, issue 16): every pollMs, the periods a
 * dashboard asked for lately are checked against the changes noted since they were computed;
 * once the changes settle (no new one for settleMs, or after maxDelayMs of a stream that does
 * not), each changed period is computed again, one at a time, and the new tables replace the
 * old. A request arriving meanwhile joins that computation instead of starting its own. It
 * never touches the feed's transactions (it only reads, on its own small pool); a failure is
 * logged and retried at the next poll.
 */
export class IndicatorRefresher {
  private readonly pool: pg.Pool;
  private readonly sql: Sql;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private changedSince = new Map<string, number>();
  private prunedAt = 0;
  /** No background computation before this (Date.now()), after the last ones (busyShare). */
  private restUntil = 0;
  private readonly options: Required<RefreshOptions>;

  constructor(
    databaseUrl: string,
    private readonly logger: Logger,
    options: RefreshOptions = {},
  ) {
    this.options = { pollMs: 1000, settleMs: 1000, maxDelayMs: 30_000, keepMs: 15 * 60_000, busyShare: 0.2, ...options };
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 4, types: readModelTypes });
    this.pool.on('error', () => undefined);
    this.sql = clientSql(this.pool);
  }

  start(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick()
        .catch((error) => this.logger.warn({ error: (error as Error).message }, 'refreshing the kept indicators failed; retried at the next poll'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.pollMs);
  }

  /** One check (and the recomputations it calls for); resolves with the periods computed again. */
  async tick(): Promise<string[]> {
    const now = Date.now();
    const { database } = await probeKept(this.sql, []);
    dropKept(database, { askedBefore: now - this.options.keepMs, computedBefore: now - MAX_AGE_MS, day: todayInChina() });
    if (now - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await this.sql.rows(`delete from indicator_input_change where noted_at < now() - interval '1 day'`);
    }
    const entries = keptOf(database);
    if (entries.length === 0) return [];
    const { current } = await probeKept(
      this.sql,
      entries.map((e) => e.snapshot),
    );
    const last = await this.sql.one<{ quiet_ms: number | null }>(`select extract(epoch from now() - max(noted_at)) * 1000 as quiet_ms from indicator_input_change`);
    const quietMs = last?.quiet_ms ?? Number.POSITIVE_INFINITY;
    const refreshed: string[] = [];
    let busyMs = 0;
    for (const [i, entry] of entries.entries()) {
      const key = `${entry.period}|${entry.threshold}`;
      if (current[i]) {
        entry.currentAt = Math.max(entry.currentAt, now);
        this.changedSince.delete(key);
        continue;
      }
      const since = this.changedSince.get(key) ?? this.changedSince.set(key, now).get(key)!;
      if (quietMs < this.options.settleMs && now - since < this.options.maxDelayMs) continue;
      if (this.stopped || Date.now() < this.restUntil) continue;
      const started = Date.now();
      // Every division's figures are read out of the tables by the computation itself (readout-thread.ts).
      await recomputeKept(this.sql, entry);
      this.changedSince.delete(key);
      refreshed.push(entry.period);
      busyMs += Date.now() - started;
      this.logger.info({ period: entry.period, elapsedMs: Date.now() - started }, 'kept indicators computed again after a change');
      this.restUntil = Date.now() + busyMs * (1 / this.options.busyShare - 1);
    }
    return refreshed;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await endPool(this.pool).catch(() => undefined);
  }
}
