import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, InputProblems, notFound, parseRowId, todayInChina, refuseClearing } from '@jiuye/common';
import type { InstitutionScope } from '../access';
import { cleanText, hasLength } from '../course/course.service';
import type { TrainingClass } from '../training-class/training-class.entity';
import { lockClassInScope } from '../training-class/training-class.writes';
import { ClassSession } from './class-session.entity';
import type { AddClassSessionInput, RemoveClassSessionInput, UpdateClassSessionInput } from './class-session.inputs';

/** 24-hour clock time, HH:MM. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Sessions of one class: a three-month class with two sessions a day stays well inside. */
export const MAX_SESSIONS_PER_CLASS = 400;

interface SessionValues {
  heldOn: string;
  startsAt: string;
  endsAt: string;
  topic: string | null;
}

function checkTimes(problems: InputProblems, values: SessionValues): InputProblems {
  const startsOk = CLOCK_TIME.test(values.startsAt);
  const endsOk = CLOCK_TIME.test(values.endsAt);
  return problems
    .check(startsOk, 'input.startsAt', 'a time is HH:MM, 00:00 to 23:59')
    .check(endsOk, 'input.endsAt', 'a time is HH:MM, 00:00 to 23:59')
    .check(!startsOk || !endsOk || values.startsAt < values.endsAt, 'input.endsAt', 'must be after the start')
    .check(hasLength(values.topic, 2, 200), 'input.topic', 'give the topic in 2 to 200 characters');
}

/** Within the class days, and not overlapping another session of the class on that day. */
async function checkPlace(em: EntityManager, trainingClass: TrainingClass, values: SessionValues, exceptId: number | null): Promise<void> {
  if (values.heldOn < trainingClass.startsOn || values.heldOn > trainingClass.endsOn) {
    throw badInput('input.heldOn', `the class runs from ${trainingClass.startsOn} to ${trainingClass.endsOn}`);
  }
  const overlap = await em.findOne(ClassSession, {
    classId: trainingClass.id,
    heldOn: values.heldOn,
    startsAt: { $lt: values.endsAt },
    endsAt: { $gt: values.startsAt },
    ...(exceptId === null ? {} : { id: { $ne: exceptId } }),
  });
  if (overlap) throw conflict('input.startsAt', `the class already has a session from ${overlap.startsAt} to ${overlap.endsAt} that day`);
}

export class ClassSessionService {
  constructor(private readonly em: EntityManager) {}

  async add(input: AddClassSessionInput, inScope: InstitutionScope): Promise<ClassSession> {
    const values: SessionValues = { heldOn: input.heldOn, startsAt: input.startsAt, endsAt: input.endsAt, topic: cleanText(input.topic) };
    checkTimes(new InputProblems().check(parseRowId(input.classId) !== null, 'input.classId', 'not a training class id'), values).throwIfAny();
    return this.em.transactional(async (em) => {
      // The class row lock serialises schedule writes of one class (the overlap check).
      const { trainingClass } = await lockClassInScope(em, input.classId, inScope, 'input.classId');
      await checkPlace(em, trainingClass, values, null);
      if ((await em.count(ClassSession, { classId: trainingClass.id })) >= MAX_SESSIONS_PER_CLASS) {
        throw conflict('input.classId', `a class has at most ${MAX_SESSIONS_PER_CLASS} sessions`);
      }
      const session = em.create(ClassSession, { classId: trainingClass.id, ...values, topic: values.topic! });
      await em.flush();
      return session;
    });
  }

  async update(input: UpdateClassSessionInput, inScope: InstitutionScope): Promise<ClassSession> {
    const problems = new InputProblems().check(parseRowId(input.id) !== null, 'input.id', 'not a session id');
    refuseClearing(problems, input, ['heldOn', 'startsAt', 'endsAt', 'topic']);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const { session, trainingClass } = await this.lockNotYetHeld(em, input.id, inScope);
      const values: SessionValues = {
        heldOn: input.heldOn ?? session.heldOn,
        startsAt: input.startsAt ?? session.startsAt,
        endsAt: input.endsAt ?? session.endsAt,
        topic: input.topic == null ? session.topic : cleanText(input.topic),
      };
      checkTimes(new InputProblems().check(values.heldOn >= todayInChina(), 'input.heldOn', 'a session is moved to today or later'), values).throwIfAny();
      await checkPlace(em, trainingClass, values, session.id);
      Object.assign(session, values);
      await em.flush();
      return session;
    });
  }

  /** Takes a session off the schedule; returns its class. */
  async remove(input: RemoveClassSessionInput, inScope: InstitutionScope): Promise<TrainingClass> {
    new InputProblems().check(parseRowId(input.id) !== null, 'input.id', 'not a session id').throwIfAny();
    return this.em.transactional(async (em) => {
      const { session, trainingClass } = await this.lockNotYetHeld(em, input.id, inScope);
      em.remove(session);
      await em.flush();
      return trainingClass;
    });
  }

  /** A session of an open class in scope, not yet held (a held session is a record of what was taught). */
  private async lockNotYetHeld(em: EntityManager, id: string, inScope: InstitutionScope): Promise<{ session: ClassSession; trainingClass: TrainingClass }> {
    const found = await em.findOne(ClassSession, parseRowId(id)!);
    // Missing, or of a class outside the scope: the same NOT_FOUND on input.id.
    const { trainingClass } = await lockClassInScope(em, found ? String(found.classId) : '0', inScope, 'input.id').catch((error) => {
      if ((error as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') throw notFound('class session', 'input.id');
      throw error;
    });
    const session = await em.findOneOrFail(ClassSession, found!.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (session.heldOn < todayInChina()) throw conflict('input.id', `the session was held on ${session.heldOn}; it stays on the record`);
    return { session, trainingClass };
  }
}
