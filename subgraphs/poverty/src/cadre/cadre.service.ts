import type { EntityManager } from '@mikro-orm/postgresql';
import { checkPageSize, decodeIdCursor, InputProblems, type Page, toPage } from '@jiuye/common';
import { checkPositiveId } from '../household/household.service';
import { Cadre } from './cadre.entity';

export class CadreService {
  constructor(private readonly em: EntityManager) {}

  /** 帮扶责任人, optionally of one unit, keyset by id. */
  async list(args: { unitId?: string | null; first: number; after?: string | null }): Promise<Page<Cadre>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: { unitId?: number } = {};
    if (args.unitId != null) {
      const problems = new InputProblems();
      where.unitId = checkPositiveId(problems, args.unitId, 'unitId');
      problems.throwIfAny();
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(Cadre, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Cadre, where),
    ]);
    return toPage(rows, first, totalCount, (cadre) => cadre.id);
  }
}
