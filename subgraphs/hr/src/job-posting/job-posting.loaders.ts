import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from '@jiuye/common';
import { JobPosting } from './job-posting.entity';
import { JobPostingService, type OpenPosting } from './job-posting.service';

export function createJobPostingLoaders(em: EntityManager) {
  const service = new JobPostingService(em);
  const takenByPosting = oneLoader<number, { postingId: number; taken: number }>(
    (ids) => service.takenCounts(ids),
    (row) => row.postingId,
  );
  /** Keyed by day: every open posting, loaded once per request whatever the number of workers. */
  const openByDay = oneLoader<string, { day: string; open: OpenPosting[] }>(
    (days) =>
      Promise.all(
        days.map(async (day) => {
          const open = await service.openOn(day);
          for (const { posting, remaining } of open) takenByPosting.prime(posting.id, { postingId: posting.id, taken: posting.headcount - remaining });
          return { day, open };
        }),
      ),
    (entry) => entry.day,
  );
  return {
    postingById: oneLoader<number, JobPosting>(
      (ids) => em.find(JobPosting, { id: { $in: [...ids] } }),
      (posting) => posting.id,
    ),
    /** posting → intentions reached for it (0 when none). */
    takenByPosting: async (id: number) => (await takenByPosting.load(id))?.taken ?? 0,
    openPostingsOn: async (day: string) => (await openByDay.load(day))!.open,
  };
}
