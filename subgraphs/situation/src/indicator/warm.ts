import pg from 'pg';
import { endPool, todayInChina, type Logger } from '@jiuye/common';
import { clientSql, readModelTypes } from '../db';
import { isoWeekOf } from './period';
import { sharedIndicatorTables, takeBackStored } from './kept';

/**
 * Warms the indicators after the service starts (issue 16): the first dashboard after a start
 * otherwise pays for deciding every suppression pattern of the year (common/src/suppression.ts
 * keeps recent patterns). First every period stored before the start and still current is taken
 * back (kept.ts takeBackStored: seconds). Then the running week's and month's tables (the month's
 * calendar family: the year, its quarters and months, so the year, quarter and month views and
 * the year's completion share them) are kept reads, or built once through the shared in-flight
 * computation, so a dashboard asking meanwhile waits for the same work instead of repeating it.
 * The tables are built on the indicator worker thread (readout-thread.ts), so the service
 * answers everything else meanwhile. Not awaited by the start: the service is ready before it
 * ends; a failure is logged and changes nothing.
 */
export function warmIndicators(databaseUrl: string, threshold: number, logger: Logger): Promise<void> {
  return (async () => {
    const started = Date.now();
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, types: readModelTypes });
    pool.on('error', () => undefined);
    const sql = clientSql(pool);
    try {
      // A read model without divisions yet (a new installation) has nothing to warm.
      if (!(await sql.one(`select 1 from division where level = 'COUNTY' limit 1`))) return;
      // Every period stored before the start and still current (kept.ts): seconds, where computing the month's family takes a minute at 10^6.
      const taken = await takeBackStored(sql, threshold);
      if (taken.length) logger.info({ periods: taken, elapsedMs: Date.now() - started }, 'indicators taken back from before the start');
      const today = todayInChina();
      // The week first: one period, seconds; the month's family (the year, its quarters and months) takes longer.
      for (const period of [isoWeekOf(today), today.slice(0, 7)]) {
        const begun = Date.now();
        // Every division's figures of the period are read out by the computation (readout-thread.ts).
        await sharedIndicatorTables(sql, period, threshold);
        logger.info({ period, elapsedMs: Date.now() - begun }, 'indicators warmed: one period');
      }
      logger.info({ elapsedMs: Date.now() - started }, 'indicators warmed');
    } catch (error) {
      logger.warn({ error: (error as Error).message }, 'warming the indicators failed; the first request computes them');
    } finally {
      await endPool(pool).catch(() => undefined);
    }
  })();
}
