import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeIdCursor, divisionCodeRange, type Page, requireDivisionCode, toPage } from '@jiuye/common';
import { RelocationSite } from './relocation.entity';

export class RelocationService {
  constructor(private readonly em: EntityManager) {}

  /** 安置点 in a division (by the site's own division code), keyset by id. */
  async list(args: { divisionCode: string; first: number; after?: string | null }): Promise<Page<RelocationSite>> {
    requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const { from, to } = divisionCodeRange(args.divisionCode);
    const where = { divisionCode: { $gte: from, $lt: to } };
    const [rows, totalCount] = await Promise.all([
      this.em.find(RelocationSite, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(RelocationSite, where),
    ]);
    return toPage(rows, first, totalCount, (site) => site.id);
  }

  /** Registered households relocated to each site: one GROUP BY for a batch of sites. */
  async relocatedHouseholds(siteIds: readonly number[]): Promise<{ siteId: number; households: number }[]> {
    return this.em
      .getConnection()
      .execute<{ siteId: number; households: number }[]>(
        `select relocation_site_id as "siteId", count(*)::int as households from "household" where relocation_site_id in (?) group by relocation_site_id`,
        [[...siteIds]],
      );
  }
}
