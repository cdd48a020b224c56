import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeIdCursor, divisionCodeRange, type Page, requireDivisionCode, toPage } from '@jiuye/common';
import { Institution, type InstitutionKind } from './institution.entity';

export class InstitutionService {
  constructor(private readonly em: EntityManager) {}

  /** Institutions in a division (by code prefix), by id (keyset pagination). */
  async list(args: { divisionCode?: string | null; kind?: InstitutionKind | null; id?: number | null; first: number; after?: string | null }): Promise<Page<Institution>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.divisionCode) {
      requireDivisionCode(args.divisionCode, 'divisionCode');
      const { from, to } = divisionCodeRange(args.divisionCode);
      where.divisionCode = { $gte: from, $lt: to };
    }
    if (args.kind) where.kind = args.kind;
    // Institution staff: their own institution only.
    if (args.id != null) where.id = args.id;
    const [rows, totalCount] = await Promise.all([
      this.em.find(Institution, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Institution, where),
    ]);
    return toPage(rows, first, totalCount, (institution) => institution.id);
  }
}
