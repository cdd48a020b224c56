import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { JobPosting } from './job-posting.entity';
import { JobPostingService, type SuitableQuery } from './job-posting.service';

export function createJobPostingLoaders(em: EntityManager) {
  const service = new JobPostingService(em);
  const takenByPosting = oneLoader<number, { postingId: number; taken: number }>(
    (ids) => service.takenCounts(ids),
    (row) => row.postingId,
  );
  /** Keyed by suitableKey(facts): one statement for every distinct set of facts in the request. */
  const suitableByFacts = oneLoader<string, { key: string; postings: JobPosting[] }>(
    async (keys) => {
      const queries = keys.map((key) => JSON.parse(key) as SuitableQuery);
      const found = await service.suitableFor(queries);
      const byQuery = keys.map((key) => ({ key, postings: [] as JobPosting[] }));
      for (const { posting, remaining, query } of found) {
        byQuery[query].postings.push(posting);
        takenByPosting.prime(posting.id, { postingId: posting.id, taken: posting.headcount - remaining });
      }
      return byQuery;
    },
    (entry) => entry.key,
  );
  return {
    suitablePostings: async (key: string) => (await suitableByFacts.load(key))!.postings,
    postingById: oneLoader<number, JobPosting>(
      (ids) => em.find(JobPosting, { id: { $in: [...ids] } }),
      (posting) => posting.id,
    ),
    /** posting → intentions reached for it (0 when none). */
    takenByPosting: async (id: number) => (await takenByPosting.load(id))?.taken ?? 0,
  };
}
