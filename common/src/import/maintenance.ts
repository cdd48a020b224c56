import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';

/** How long a finished run keeps its rejected rows' cells (IMPORT_ROW_RETENTION_DAYS). */
export const DEFAULT_IMPORT_ROW_RETENTION_DAYS = 30;
/** A run no batch advanced for this long is taken as interrupted (IMPORT_STALE_MINUTES). */
export const DEFAULT_IMPORT_STALE_MINUTES = 15;
/** How often a running service repeats both. */
export const IMPORT_MAINTENANCE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Drops the cells (the personal data: names, ID numbers, phones as typed) of the rows of runs that
 * ended more than `retentionDays` ago; the counts, lines, outcomes, reasons and pseudonymous keys
 * stay, so the run's report still reads. The rejected-rows file of such a run has the lines and
 * reasons only. Answers how many rows were cleared.
 */
export async function purgeImportCells(em: EntityManager, retentionDays: number): Promise<number> {
  const result = await em.getConnection().execute(
    `update "import_row" r set "cells" = null, "person" = null
       from "import_run" run
      where r."run_id" = run."id" and run."status" <> 'running' and run."finished_at" < now() - make_interval(days => ?)
        and (r."cells" is not null or r."person" is not null)`,
    [retentionDays],
    'run',
  );
  return (result as { affectedRows?: number }).affectedRows ?? 0;
}

/**
 * Marks runs still 'running' that no batch advanced for `staleMinutes` as failed ('interrupted'):
 * the process was killed or the department went away mid-way. Their committed batches stay (each
 * whole); running the same file again completes them. Answers how many runs were marked.
 */
export async function failStaleImportRuns(em: EntityManager, staleMinutes: number): Promise<number> {
  const result = await em.getConnection().execute(
    `update "import_run" set "status" = 'failed', "failure" = 'interrupted', "finished_at" = now()
      where "status" = 'running' and "progressed_at" < now() - make_interval(mins => ?)`,
    [staleMinutes],
    'run',
  );
  return (result as { affectedRows?: number }).affectedRows ?? 0;
}

export interface ImportMaintenanceOptions {
  retentionDays: number;
  staleMinutes: number;
  intervalMs?: number;
}

/**
 * Both sweeps once now (awaited: a service starts with its stale runs marked), then every
 * intervalMs until stopped. A failed sweep is logged (without personal data) and tried again at
 * the next tick.
 */
export async function startImportMaintenance(em: EntityManager, options: ImportMaintenanceOptions, logger: Logger): Promise<{ stop(): Promise<void> }> {
  let running: Promise<void> | null = null;
  const sweep = async () => {
    try {
      const fork = em.fork() as EntityManager;
      const interrupted = await failStaleImportRuns(fork, options.staleMinutes);
      const purged = await purgeImportCells(fork, options.retentionDays);
      if (interrupted || purged) logger.info({ interrupted, purged, retentionDays: options.retentionDays }, 'import maintenance: stale runs failed, old rows cleared');
    } catch (error) {
      logger.warn({ error: (error as Error).message }, 'import maintenance failed; tried again at the next tick');
    }
  };
  await sweep();
  const timer = setInterval(() => {
    running ??= sweep().finally(() => (running = null));
  }, options.intervalMs ?? IMPORT_MAINTENANCE_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
