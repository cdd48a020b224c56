import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader, pagedChildren, type PageRequest } from '@jiuye/common';
import { PartnerJobPosting } from './job-posting.entity';
import { suitablePartnerPostings, type SuitableQuery } from './job-posting.matching';

export function createJobPostingLoaders(em: EntityManager) {
  /** Keyed by suitableKey(facts): one statement for every distinct set of facts in the request. */
  const suitableByFacts = oneLoader<string, { key: string; postings: PartnerJobPosting[] }>(
    async (keys) => {
      const found = await suitablePartnerPostings(
        em,
        keys.map((key) => JSON.parse(key) as SuitableQuery),
      );
      const byQuery = keys.map((key) => ({ key, postings: [] as PartnerJobPosting[] }));
      for (const { posting, query } of found) byQuery[query].postings.push(posting);
      return byQuery;
    },
    (entry) => entry.key,
  );
  return {
    /** PartnerCity.postings(first, after, validOn): one loader per page request, two statements per batch of cities. */
    postingsOfCity: pagedChildren<PageRequest & { validOn?: string | null }, PartnerJobPosting>(
      em,
      PartnerJobPosting,
      'partner_job_posting',
      'city_code',
      (posting) => posting.cityCode,
      (args) =>
        args.validOn
          ? { sql: 'and t.pushed_on <= ? and t.valid_until >= ? and (t.closed_on is null or t.closed_on > ?)', params: [args.validOn, args.validOn, args.validOn] }
          : { sql: '', params: [] },
    ),
    suitablePartnerPostings: async (key: string) => (await suitableByFacts.load(key))!.postings,
  };
}
