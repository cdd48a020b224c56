import type { EntityManager } from '@mikro-orm/postgresql';
import { PartnerJobPosting } from './job-posting.entity';
import { pagedChildren, type PageRequest } from '@jiuye/common';

export function createJobPostingLoaders(em: EntityManager) {
  return {
    /** PartnerCity.postings(first, after, validOn): one loader per page request, two statements per batch of cities. */
    postingsOfCity: pagedChildren<PageRequest & { validOn?: string | null }, PartnerJobPosting>(
      em,
      PartnerJobPosting,
      'partner_job_posting',
      'city_code',
      (posting) => posting.cityCode,
      (args) => (args.validOn ? { sql: 'and t.pushed_on <= ? and t.valid_until >= ?', params: [args.validOn, args.validOn] } : { sql: '', params: [] }),
    ),
  };
}
