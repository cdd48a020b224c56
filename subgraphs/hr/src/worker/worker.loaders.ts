import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader, type Page, type SubgraphConfig } from '@jiuye/common';
import { WorkerRecord } from './worker.entity';
import { WorkerService, type WorkerPageKey } from './worker.service';

export function createWorkerLoaders(em: EntityManager, config: SubgraphConfig) {
  /** pseudonym → registry record (null for people not in the registry); one query per batch. */
  const workerById = oneLoader<string, WorkerRecord>(
    (ids) => em.find(WorkerRecord, { id: { $in: [...ids] } }),
    (worker) => worker.id,
  );
  const remember = (workers: WorkerRecord[]) => {
    for (const worker of workers) workerById.prime(worker.id, worker);
    return workers;
  };
  /** Keyed by the JSON of a WorkerPageKey (loader keys are strings). */
  const pagesByKey = oneLoader<string, { key: string; page: Page<WorkerRecord> }>(
    async (keys) => {
      const pages = await new WorkerService(em, config.pseudonymKey).pages(keys.map((key) => JSON.parse(key) as WorkerPageKey));
      return pages.map((page, i) => ({ key: keys[i], page: { ...page, nodes: remember(page.nodes) } }));
    },
    (entry) => entry.key,
  );
  return {
    workerById,
    /** household code → registry members, oldest first. */
    workersByHousehold: manyLoader<string, WorkerRecord>(
      async (codes) => remember(await em.find(WorkerRecord, { householdCode: { $in: [...codes] } }, { orderBy: { householdCode: 'asc', birthDate: 'asc', id: 'asc' } })),
      (worker) => worker.householdCode,
    ),
    /** One page per division and filter; two statements per batch of divisions (see WorkerService.pages). */
    workerPage: async (key: WorkerPageKey): Promise<Page<WorkerRecord>> => (await pagesByKey.load(JSON.stringify(key)))!.page,
  };
}
