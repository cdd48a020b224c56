import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, badInput, conflict, InputProblems, isValidDivisionCode, notFound, parseRowId, todayInChina, refuseClearing } from '@jiuye/common';
import type { InstitutionScope } from '../access';
import { ClassSession } from '../class-session/class-session.entity';
import { Course } from '../course/course.entity';
import { cleanText, hasLength, isWholeBetween, lockCourseInScope, MAX_DURATION_DAYS } from '../course/course.service';
import { Enrolment, EnrolmentStatus } from '../enrolment/enrolment.entity';
import { Institution } from '../institution/institution.entity';
import { ClassFunder, ClassStatus, classLengthDays, TrainingClass } from './training-class.entity';
import type { CancelTrainingClassInput, CloseTrainingClassInput, CreateTrainingClassInput, UpdateTrainingClassInput } from './training-class.inputs';

export const MAX_CLASS_CAPACITY = 200;
/** A class is planned at most this many days ahead. */
export const MAX_DAYS_AHEAD = 366;
export const CANCELLED_PREFIX = '班级取消：';

interface ClassValues {
  startsOn: string;
  endsOn: string;
  capacity: number;
  location: string | null;
  teacher: string | null;
}

interface Funding {
  funder: ClassFunder | null;
  funderCityCode: string | null;
}

/** A partner city is a city (4 digits, a valid division code, not a province's 00). */
function isCityCode(code: string): boolean {
  return /^\d{4}$/.test(code) && isValidDivisionCode(code) && !code.endsWith('00');
}

/**
 * 资金来源: one of the vocabulary; PARTNER_CITY with the city's 4-digit code, the others without.
 * The city code's form is checked here; that it is a partner city is asked of partner
 * (requireKnownCity), once the form is right.
 */
function checkFunding(problems: InputProblems, funding: Funding): InputProblems {
  const code = funding.funderCityCode;
  return problems
    .check(funding.funder === null || funding.funder in ClassFunder, 'input.funder', `one of ${Object.keys(ClassFunder).join(', ')}`)
    .check(funding.funder !== ClassFunder.PARTNER_CITY || code !== null, 'input.funderCityCode', 'a class funded by a partner city names the city (4 digits)')
    .check(code === null || isCityCode(code), 'input.funderCityCode', 'a city code has 4 digits (e.g. 4403)')
    .check(code === null || funding.funder === ClassFunder.PARTNER_CITY, 'input.funderCityCode', 'only for funder PARTNER_CITY');
}

/** Whether partner holds this city code (asked of partner: training holds no list of partner cities). */
export type KnownPartnerCity = (code: string) => Promise<boolean>;

/** A city named for a class must be a partner city of the platform (after its form was checked). */
async function requireKnownCity(code: string | null, known: KnownPartnerCity): Promise<void> {
  if (code !== null && !(await known(code))) throw badInput('input.funderCityCode', `${code} is not a partner city of the platform`);
}

/** The code as given, trimmed; an empty string is no code. */
function cleanCode(code: string | null | undefined): string | null {
  const trimmed = code?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkClass(problems: InputProblems, values: ClassValues, today: string, checkTeacher = true): InputProblems {
  return problems
    .check(values.startsOn <= addDays(today, MAX_DAYS_AHEAD), 'input.startsOn', `at most ${MAX_DAYS_AHEAD} days ahead`)
    .check(values.endsOn >= values.startsOn, 'input.endsOn', 'must not be before the first class day')
    .check(values.endsOn < values.startsOn || classLengthDays(values) <= MAX_DURATION_DAYS, 'input.endsOn', `a class lasts at most ${MAX_DURATION_DAYS} days`)
    .check(isWholeBetween(values.capacity, 1, MAX_CLASS_CAPACITY), 'input.capacity', `from 1 to ${MAX_CLASS_CAPACITY} places`)
    .check(hasLength(values.location, 2, 200), 'input.location', 'give a place of 2 to 200 characters')
    .check(!checkTeacher || hasLength(values.teacher, 2, 50), 'input.teacher', 'give the teacher in 2 to 50 characters');
}

/** Places taken in a class: enrolled or completed, not dropped, not rejected by the county (as enrol counts them). */
function placesTaken(em: EntityManager, classId: number): Promise<number> {
  return em.count(Enrolment, { classId, status: { $ne: EnrolmentStatus.DROPPED }, confirmation: { $ne: 'REJECTED' } });
}

/**
 * The class, locked, with its course; NOT_FOUND on the field when missing or outside the
 * writer's scope (one answer for both). A class that is not OPEN is refused with CONFLICT when
 * `open` is asked for.
 */
export async function lockClassInScope(
  em: EntityManager,
  id: string,
  inScope: InstitutionScope,
  field: string,
  open = true,
): Promise<{ trainingClass: TrainingClass; course: Course }> {
  const key = parseRowId(id);
  const trainingClass = key === null ? null : await em.findOne(TrainingClass, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const course = trainingClass ? await em.findOne(Course, trainingClass.courseId) : null;
  const institution = course ? await em.findOne(Institution, course.institutionId) : null;
  if (!trainingClass || !course || !institution || !inScope(institution)) throw notFound('training class', field);
  if (open && trainingClass.status !== ClassStatus.OPEN) {
    throw conflict(field, `the class is ${trainingClass.status === ClassStatus.CLOSED ? 'closed' : 'cancelled'} (${trainingClass.closedOn}); it is not changed`);
  }
  return { trainingClass, course };
}

export class TrainingClassWrites {
  constructor(private readonly em: EntityManager) {}

  async create(input: CreateTrainingClassInput, inScope: InstitutionScope, knownCity: KnownPartnerCity): Promise<TrainingClass> {
    const today = todayInChina();
    const values: ClassValues = {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      capacity: input.capacity,
      location: cleanText(input.location),
      teacher: cleanText(input.teacher),
    };
    const funding: Funding = { funder: input.funder ?? null, funderCityCode: cleanCode(input.funderCityCode) };
    const problems = checkClass(new InputProblems().check(parseRowId(input.courseId) !== null, 'input.courseId', 'not a course id'), values, today);
    checkFunding(problems, funding).throwIfAny();
    await requireKnownCity(funding.funderCityCode, knownCity);
    return this.em.transactional(async (em) => {
      const course = await lockCourseInScope(em, input.courseId, inScope, 'input.courseId');
      if (course.closedOn !== null && course.closedOn <= values.startsOn) throw conflict('input.courseId', `the course was closed on ${course.closedOn}; no new classes`);
      const trainingClass = em.create(TrainingClass, { courseId: course.id, ...values, ...funding, location: values.location!, teacher: values.teacher! });
      await em.flush();
      return trainingClass;
    });
  }

  async update(input: UpdateTrainingClassInput, inScope: InstitutionScope, knownCity: KnownPartnerCity): Promise<TrainingClass> {
    const today = todayInChina();
    const refused = new InputProblems().check(parseRowId(input.id) !== null, 'input.id', 'not a training class id');
    refuseClearing(refused, input, ['startsOn', 'endsOn', 'capacity', 'location', 'teacher']);
    refused.throwIfAny();
    // A city named is asked of partner before the class is locked (no remote call inside the transaction).
    const namedCity = cleanCode(input.funderCityCode);
    if (namedCity !== null && isCityCode(namedCity)) await requireKnownCity(namedCity, knownCity);
    return this.em.transactional(async (em) => {
      const { trainingClass } = await lockClassInScope(em, input.id, inScope, 'input.id');
      const values: ClassValues = {
        startsOn: input.startsOn ?? trainingClass.startsOn,
        endsOn: input.endsOn ?? trainingClass.endsOn,
        capacity: input.capacity ?? trainingClass.capacity,
        location: input.location == null ? trainingClass.location : cleanText(input.location),
        teacher: input.teacher == null ? trainingClass.teacher : cleanText(input.teacher),
      };
      // Classes recorded before issue 13 have no teacher: a change of other fields keeps it empty.
      const problems = checkClass(new InputProblems(), values, today, input.teacher != null);
      // A new funder replaces the city too (funder: null clears both); a city alone changes the city of a class a partner city funds (null clears it, which only a class no partner city funds may lack).
      const funding: Funding =
        input.funder !== undefined
          ? { funder: input.funder, funderCityCode: cleanCode(input.funderCityCode) }
          : { funder: trainingClass.funder, funderCityCode: input.funderCityCode !== undefined ? cleanCode(input.funderCityCode) : trainingClass.funderCityCode };
      if (input.funder !== undefined || input.funderCityCode !== undefined) checkFunding(problems, funding);
      if (input.startsOn != null && input.startsOn !== trainingClass.startsOn && trainingClass.startsOn <= today) {
        problems.add('input.startsOn', `the class began on ${trainingClass.startsOn}; its first day stays`);
      }
      problems.throwIfAny();
      const taken = await placesTaken(em, trainingClass.id);
      if (values.capacity < taken) throw badInput('input.capacity', `${taken} places are taken already`);
      const enrolments = await em.find(Enrolment, { classId: trainingClass.id }, { fields: ['attendanceDays', 'enrolledOn'] });
      const length = classLengthDays(values);
      if (enrolments.some((e) => e.attendanceDays > length)) throw badInput('input.endsOn', 'a trainee has attended more days than the shortened class would have');
      if (enrolments.some((e) => e.enrolledOn > values.endsOn)) throw badInput('input.endsOn', 'a trainee enrolled after the new last day');
      const outside = await em.count(ClassSession, { classId: trainingClass.id, $or: [{ heldOn: { $lt: values.startsOn } }, { heldOn: { $gt: values.endsOn } }] });
      if (outside > 0)
        throw badInput(input.startsOn != null ? 'input.startsOn' : 'input.endsOn', `${outside} sessions of the schedule fall outside the new dates; move them first`);
      trainingClass.startsOn = values.startsOn;
      trainingClass.endsOn = values.endsOn;
      trainingClass.capacity = values.capacity;
      trainingClass.location = values.location!;
      if (input.teacher != null) trainingClass.teacher = values.teacher;
      trainingClass.funder = funding.funder;
      trainingClass.funderCityCode = funding.funderCityCode;
      await em.flush();
      return trainingClass;
    });
  }

  /** 结班: the class has ended and every trainee is decided (completed or dropped; a rejected claim holds no place). */
  async close(input: CloseTrainingClassInput, inScope: InstitutionScope): Promise<TrainingClass> {
    const note = cleanText(input.note);
    new InputProblems()
      .check(parseRowId(input.id) !== null, 'input.id', 'not a training class id')
      .check(input.closedOn <= todayInChina(), 'input.closedOn', 'must not be in the future')
      .check(note === null || hasLength(note, 1, 200), 'input.note', 'at most 200 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const { trainingClass } = await lockClassInScope(em, input.id, inScope, 'input.id');
      if (input.closedOn < trainingClass.endsOn) throw badInput('input.closedOn', `the class runs until ${trainingClass.endsOn}; close it from then`);
      const undecided = await em.count(Enrolment, { classId: trainingClass.id, status: EnrolmentStatus.ENROLLED, confirmation: { $ne: 'REJECTED' } });
      if (undecided > 0) throw conflict('input.id', `${undecided} trainees are still enrolled: record each one's completion (completeTraining) or drop (dropTraining) first`);
      trainingClass.status = ClassStatus.CLOSED;
      trainingClass.closedOn = input.closedOn;
      trainingClass.closeReason = note;
      await em.flush();
      return trainingClass;
    });
  }

  /**
   * 取消: the class does not (or no longer) take place. Every trainee still enrolled is dropped
   * with the reason (班级取消：…), in the same transaction, so their places and indicators say
   * what happened; the schedule is kept as it was planned. Refused once a trainee completed.
   */
  async cancel(input: CancelTrainingClassInput, inScope: InstitutionScope): Promise<TrainingClass> {
    const reason = cleanText(input.reason);
    new InputProblems()
      .check(parseRowId(input.id) !== null, 'input.id', 'not a training class id')
      .check(hasLength(reason, 2, 150), 'input.reason', 'give a reason of 2 to 150 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const { trainingClass } = await lockClassInScope(em, input.id, inScope, 'input.id');
      const completed = await em.count(Enrolment, { classId: trainingClass.id, status: EnrolmentStatus.COMPLETED });
      if (completed > 0) throw conflict('input.id', `${completed} trainees completed the class; close it (closeTrainingClass) instead`);
      await em.nativeUpdate(
        Enrolment,
        { classId: trainingClass.id, status: EnrolmentStatus.ENROLLED },
        { status: EnrolmentStatus.DROPPED, dropReason: `${CANCELLED_PREFIX}${reason}` },
      );
      trainingClass.status = ClassStatus.CANCELLED;
      trainingClass.closedOn = todayInChina();
      trainingClass.closeReason = reason;
      await em.flush();
      return trainingClass;
    });
  }
}
