import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeIdCursor, divisionCodeRange, type Page, requireDivisionCode, toPage } from '@jiuye/common';
import { Employer, type EmployerKind } from './employer.entity';

export class EmployerService {
  constructor(private readonly em: EntityManager) {}

  /** Employers in a division (by code prefix), by id (keyset pagination). */
  async list(args: { divisionCode?: string | null; kind?: EmployerKind | null; first: number; after?: string | null }): Promise<Page<Employer>> {
    if (args.divisionCode) requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.divisionCode) {
      const { from, to } = divisionCodeRange(args.divisionCode);
      where.divisionCode = { $gte: from, $lt: to };
    }
    if (args.kind) where.kind = args.kind;
    const [rows, totalCount] = await Promise.all([
      this.em.find(Employer, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Employer, where),
    ]);
    return toPage(rows, first, totalCount, (e) => e.id);
  }
}
