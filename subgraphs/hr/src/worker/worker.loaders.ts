import type { EntityManager } from '@mikro-orm/postgresql';
import { leanRows, type LoaderRequest, manyLoader, oneLoader, type Page, pagedDivisions, requireDivisionCode } from '@jiuye/common';
import { WorkerRecord } from './worker.entity';
import { WORKER_KEYSET, workerFilterColumns, type WorkerListArgs } from './worker.service';

/**
 * Every column of a WorkerRecord under its property name, dates as 'YYYY-MM-DD' strings (as the
 * entity maps them): the lean read of the hottest path (every request about a worker, every
 * access check placing one), without MikroORM's hydration.
 */
export const WORKER_RECORD_COLUMNS = `id, id_number as "idNumber", name, sex, birth_date::text as "birthDate", phone, household_code as "householdCode",
  village_code as "villageCode", population_status as "populationStatus", employment_status as "employmentStatus",
  employment_intention as "employmentIntention", skill_level as "skillLevel", training_wish as "trainingWish", education,
  verified_on::text as "verifiedOn", registered_at as "registeredAt"`;

/** Registry records by pseudonym as plain rows (read-only: never persisted; writes load their own entity). */
export function workerRecordsByIds(em: EntityManager, ids: readonly string[]): Promise<WorkerRecord[]> {
  return leanRows<WorkerRecord>(em, `select ${WORKER_RECORD_COLUMNS} from worker where id = any($1::text[])`, [[...ids]]);
}

export function createWorkerLoaders(em: EntityManager, request: Pick<LoaderRequest, 'writes'>) {
  /**
   * pseudonym → registry record (null for people not in the registry); one statement per batch:
   * plain rows, except in a mutation, whose transactions keep the request's entities current.
   */
  const workerById = oneLoader<string, WorkerRecord>(
    (ids) => (request.writes() ? em.find(WorkerRecord, { id: { $in: [...ids] } }) : workerRecordsByIds(em, ids)),
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
