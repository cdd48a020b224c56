import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeIdCursor, toPage, type Page } from '@jiuye/common';
import { PartnerJobPosting } from './job-posting.entity';
import { requireCityCode } from '../validation';

export class JobPostingService {
  constructor(private readonly em: EntityManager) {}

  /** Pushed postings, by id (keyset pagination); validOn keeps those open on that day. */
  async list(args: { cityCode?: string | null; validOn?: string | null; first: number; after?: string | null }): Promise<Page<PartnerJobPosting>> {
    if (args.cityCode != null) requireCityCode(args.cityCode, 'cityCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.cityCode != null) where.cityCode = args.cityCode;
    if (args.validOn) {
      where.pushedOn = { $lte: args.validOn };
      where.validUntil = { $gte: args.validOn };
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(PartnerJobPosting, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(PartnerJobPosting, where),
    ]);
    return toPage(rows, first, totalCount, (p) => p.id);
  }
}
