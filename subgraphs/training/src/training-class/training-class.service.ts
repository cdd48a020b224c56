import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkPageSize, compositeKey, decodeCompositeCursor, InputProblems, isLocalDate, type Page, toPage } from '@jiuye/common';
import { parseRowId } from '@jiuye/common';
import { TrainingClass } from './training-class.entity';

/** Classes are listed by start date; the cursor holds the last row's start date and id. */
function decodeClassCursor(cursor: string | null | undefined): { startsOn: string; id: number } | null {
  const parts = decodeCompositeCursor(cursor, [isLocalDate, (p) => parseRowId(p) !== null]);
  if (parts === null) return null;
  return { startsOn: parts[0], id: parseRowId(parts[1])! };
}

export class TrainingClassService {
  constructor(private readonly em: EntityManager) {}

  async get(id: string): Promise<TrainingClass | null> {
    const classId = parseRowId(id);
    if (classId === null) throw badInput('id', 'not a training class id');
    return this.em.findOne(TrainingClass, classId);
  }

  /** Classes by start date, then id (keyset pagination); filtered by course and start-date range. */
  async list(args: {
    courseId?: string | null;
    startsFrom?: string | null;
    startsTo?: string | null;
    status?: string | null;
    /** Institution staff: only classes of their institution's courses. */
    institutionId?: number | null;
    first: number;
    after?: string | null;
  }): Promise<Page<TrainingClass>> {
    const first = checkPageSize(args.first);
    const after = decodeClassCursor(args.after);
    const courseId = args.courseId == null ? null : parseRowId(args.courseId);
    new InputProblems()
      .check(args.courseId == null || courseId !== null, 'courseId', 'not a course id')
      .check(!args.startsFrom || !args.startsTo || args.startsFrom <= args.startsTo, 'startsTo', 'must not be before startsFrom')
      .throwIfAny();
    const where: Record<string, unknown> = {};
    if (courseId !== null) where.courseId = courseId;
    if (args.status) where.status = args.status;
    if (args.institutionId != null) {
      const rows: { id: number }[] = await this.em.getConnection().execute(`select id from course where institution_id = ?`, [args.institutionId]);
      const own = rows.map((row) => row.id);
      where.courseId = courseId === null ? { $in: own } : own.includes(courseId) ? courseId : { $in: [] };
    }
    if (args.startsFrom || args.startsTo) {
      where.startsOn = {
        ...(args.startsFrom ? { $gte: args.startsFrom } : {}),
        ...(args.startsTo ? { $lte: args.startsTo } : {}),
      };
    }
    const page = after === null ? where : { $and: [where, { $or: [{ startsOn: { $gt: after.startsOn } }, { startsOn: after.startsOn, id: { $gt: after.id } }] }] };
    const [rows, totalCount] = await Promise.all([
      this.em.find(TrainingClass, page, { orderBy: [{ startsOn: 'asc' }, { id: 'asc' }], limit: first + 1 }),
      this.em.count(TrainingClass, where),
    ]);
    return toPage(rows, first, totalCount, (c) => compositeKey([c.startsOn, c.id]));
  }
}
