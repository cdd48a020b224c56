import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  forbidden,
  InputProblems,
  notFound,
  type Page,
  parseRowId,
  toPage,
  todayInChina,
  type Trade,
  refuseClearing,
  patched,
} from '@jiuye/common';
import type { InstitutionScope } from '../access';
import { Institution } from '../institution/institution.entity';
import { Course, type CourseKind } from './course.entity';
import type { CloseCourseInput, CreateCourseInput, UpdateCourseInput } from './course.inputs';

export const MAX_COURSE_HOURS = 2000;
export const MAX_DURATION_DAYS = 366;
export const MAX_SUBSIDY_PER_TRAINEE = 20_000;
const NAME_TAKEN = 'the institution already has an open course of this name';

/** Trimmed text, or null when nothing but blanks was given. */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function hasLength(value: string | null, min: number, max: number): boolean {
  return value !== null && [...value].length >= min && [...value].length <= max;
}

export function isWholeBetween(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

interface CourseValues {
  name: string | null;
  level: number | null;
  hours: number;
  durationDays: number;
  subsidyPerTrainee: number;
}

function checkCourse(problems: InputProblems, values: CourseValues): InputProblems {
  return problems
    .check(hasLength(values.name, 2, 100), 'input.name', 'give a name of 2 to 100 characters')
    .check(values.level === null || isWholeBetween(values.level, 1, 5), 'input.level', 'a skill grade is 1 to 5 (5 = 初级工, 1 = 高级技师)')
    .check(isWholeBetween(values.hours, 1, MAX_COURSE_HOURS), 'input.hours', `from 1 to ${MAX_COURSE_HOURS} hours`)
    .check(isWholeBetween(values.durationDays, 1, MAX_DURATION_DAYS), 'input.durationDays', `from 1 to ${MAX_DURATION_DAYS} days`)
    .check(isWholeBetween(values.subsidyPerTrainee, 0, MAX_SUBSIDY_PER_TRAINEE), 'input.subsidyPerTrainee', `a whole number of yuan from 0 to ${MAX_SUBSIDY_PER_TRAINEE}`);
}

export class CourseService {
  constructor(private readonly em: EntityManager) {}

  /** Courses by id (keyset pagination), filtered by kind, trade and institution; closed ones only when asked for. */
  async list(args: {
    kind?: CourseKind | null;
    trade?: Trade | null;
    institutionId?: string | null;
    includeClosed?: boolean | null;
    first: number;
    after?: string | null;
  }): Promise<Page<Course>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.kind) where.kind = args.kind;
    if (args.trade) where.trade = args.trade;
    if (!args.includeClosed) where.closedOn = null;
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

  /** One course, or null when there is none or (institution staff) it is another institution's. */
  async get(id: string, ownInstitution: number | null): Promise<Course | null> {
    const key = parseRowId(id);
    const course = key === null ? null : await this.em.findOne(Course, key);
    return course && (ownInstitution === null || course.institutionId === ownInstitution) ? course : null;
  }

  async create(input: CreateCourseInput, institutionId: string | null, inScope: InstitutionScope): Promise<Course> {
    const values: CourseValues = {
      name: cleanText(input.name),
      level: input.level ?? null,
      hours: input.hours,
      durationDays: input.durationDays,
      subsidyPerTrainee: input.subsidyPerTrainee,
    };
    const id = institutionId == null ? null : parseRowId(institutionId);
    checkCourse(new InputProblems().check(id !== null, 'input.institutionId', institutionId == null ? 'name the institution' : 'not an institution id'), values).throwIfAny();
    return this.em.transactional(async (em) => {
      // The institution row is locked so that two clerks naming the same new course cannot both pass the check.
      const institution = await em.findOne(Institution, id!, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!institution) throw notFound('institution', 'input.institutionId');
      if (!inScope(institution)) throw forbidden('input.institutionId: the institution lies outside your scope', 'outside-scope');
      if (await em.count(Course, { institutionId: institution.id, name: values.name!, closedOn: null })) throw conflict('input.name', NAME_TAKEN);
      const course = em.create(Course, { institutionId: institution.id, trade: input.trade, kind: input.kind, ...values, name: values.name! });
      await em.flush();
      return course;
    });
  }

  async update(input: UpdateCourseInput, inScope: InstitutionScope): Promise<Course> {
    const problems = new InputProblems()
      .check(parseRowId(input.id) !== null, 'input.id', 'not a course id')
      .check(!(input.clearLevel && input.level != null), 'input.clearLevel', 'give a grade or clear it, not both');
    refuseClearing(problems, input, ['name', 'kind', 'hours', 'durationDays', 'subsidyPerTrainee']);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const course = await lockCourseInScope(em, input.id, inScope);
      if (course.closedOn !== null) throw conflict('input.id', `the course was closed on ${course.closedOn}; a closed course is not changed`);
      const values: CourseValues = {
        name: input.name == null ? course.name : cleanText(input.name),
        // level: null clears the grade, as clearLevel: true does.
        level: input.clearLevel ? null : patched(input.level, course.level),
        hours: input.hours ?? course.hours ?? 1,
        durationDays: input.durationDays ?? course.durationDays,
        subsidyPerTrainee: input.subsidyPerTrainee ?? course.subsidyPerTrainee ?? 0,
      };
      checkCourse(new InputProblems(), values).throwIfAny();
      if (values.name !== course.name) {
        await em.findOne(Institution, course.institutionId, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (await em.count(Course, { institutionId: course.institutionId, name: values.name!, closedOn: null, id: { $ne: course.id } })) {
          throw conflict('input.name', NAME_TAKEN);
        }
      }
      course.name = values.name!;
      if (input.kind != null) course.kind = input.kind;
      course.level = values.level;
      if (input.hours != null) course.hours = input.hours;
      course.durationDays = values.durationDays;
      if (input.subsidyPerTrainee != null) course.subsidyPerTrainee = input.subsidyPerTrainee;
      await em.flush();
      return course;
    });
  }

  async close(input: CloseCourseInput, inScope: InstitutionScope): Promise<Course> {
    const reason = cleanText(input.reason);
    new InputProblems()
      .check(parseRowId(input.id) !== null, 'input.id', 'not a course id')
      .check(input.closedOn <= todayInChina(), 'input.closedOn', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const course = await lockCourseInScope(em, input.id, inScope);
      if (course.closedOn !== null) throw conflict('input.id', `the course was already closed on ${course.closedOn}`);
      course.closedOn = input.closedOn;
      course.closeReason = reason;
      await em.flush();
      return course;
    });
  }
}

/** The course, locked; NOT_FOUND on the field when missing or outside the writer's scope (one answer for both). */
export async function lockCourseInScope(em: EntityManager, id: string, inScope: InstitutionScope, field = 'input.id'): Promise<Course> {
  const course = await em.findOne(Course, parseRowId(id)!, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const institution = course ? await em.findOne(Institution, course.institutionId) : null;
  if (!course || !institution || !inScope(institution)) throw notFound('course', field);
  return course;
}
