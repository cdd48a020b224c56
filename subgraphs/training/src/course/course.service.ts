import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkPageSize, decodeIdCursor, type Page, toPage, type Trade } from '@jiuye/common';
import { parseRowId } from '@jiuye/common';
import { Course, type CourseKind } from './course.entity';

export class CourseService {
  constructor(private readonly em: EntityManager) {}

  /** Courses by id (keyset pagination), filtered by kind, trade and institution. */
  async list(args: { kind?: CourseKind | null; trade?: Trade | null; institutionId?: string | null; first: number; after?: string | null }): Promise<Page<Course>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.kind) where.kind = args.kind;
    if (args.trade) where.trade = args.trade;
    if (args.institutionId != null) {
      const institutionId = parseRowId(args.institutionId);
      if (institutionId === null) throw badInput('institutionId', 'not an institution id');
      where.institutionId = institutionId;
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(Course, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(Course, where),
    ]);
    return toPage(rows, first, totalCount, (course) => course.id);
  }
}
