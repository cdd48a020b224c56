import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader, type Page, pagedDivisions, requireDivisionCode } from '@jiuye/common';
import { WorkerRecord } from './worker.entity';
import { WORKER_KEYSET, workerFilterColumns, type WorkerListArgs } from './worker.service';

export function createWorkerLoaders(em: EntityManager) {
  /** pseudonym → registry record (null for people not in the registry); one query per batch. */
  const workerById = oneLoader<string, WorkerRecord>(
    (ids) => em.find(WorkerRecord, { id: { $in: [...ids] } }),
    (worker) => worker.id,
  );
  const remember = (workers: WorkerRecord[]) => {
    for (const worker of workers) workerById.prime(worker.id, worker);
    return workers;
  };
  /** Pages of workers per division, two statements per batch of divisions (common's pagedDivisions). */
  const workerPages = pagedDivisions<WorkerListArgs, WorkerRecord>(em, {
    entity: WorkerRecord,
    table: 'worker',
    codeColumn: 'household_code',
    keyset: WORKER_KEYSET,
    filter: workerFilterColumns,
  });
  return {
    workerById,
    /** household code → registry members, oldest first. */
    workersByHousehold: manyLoader<string, WorkerRecord>(
      async (codes) => remember(await em.find(WorkerRecord, { householdCode: { $in: [...codes] } }, { orderBy: { householdCode: 'asc', birthDate: 'asc', id: 'asc' } })),
      (worker) => worker.householdCode,
    ),
    /** One page of a division's workers (root `workers`, `Division.workers`); errors name divisionCode, first or after. */
    workerPage: async (args: WorkerListArgs): Promise<Page<WorkerRecord>> => {
      requireDivisionCode(args.divisionCode, 'divisionCode');
      const page = await workerPages(args).load(args.divisionCode);
      remember(page.nodes);
      return page;
    },
  };
}
