import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, badInput, InputProblems, notFound, parseRowId, todayInChina, workerPseudonym } from '@jiuye/common';
import { throwIfInvalid } from '../ids';
import { Course } from '../course/course.entity';
import { Institution } from '../institution/institution.entity';
import { TrainingClass } from '../training-class/training-class.entity';
import { DEFAULT_REFERRAL_DAYS, MAX_REFERRAL_DAYS, TrainingReferral } from './referral.entity';
import type { ReferForTrainingInput } from './referral.inputs';

export class TrainingReferralService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  async refer(input: ReferForTrainingInput, issuedBy: string): Promise<TrainingReferral> {
    const today = todayInChina();
    const institutionId = parseRowId(input.institutionId);
    const classId = input.classId == null ? null : parseRowId(input.classId);
    const validUntil = input.validUntil ?? addDays(today, DEFAULT_REFERRAL_DAYS);
    const note = input.note?.trim() || null;
    throwIfInvalid(
      new InputProblems()
        .check(institutionId !== null, 'input.institutionId', 'not an institution id')
        .check(input.classId == null || classId !== null, 'input.classId', 'not a training class id')
        .check(validUntil >= today, 'input.validUntil', 'must not be in the past')
        .check(validUntil <= addDays(today, MAX_REFERRAL_DAYS), 'input.validUntil', `must be within ${MAX_REFERRAL_DAYS} days`)
        .check(note === null || note.length <= 200, 'input.note', 'a note is at most 200 characters'),
      { value: input.idNumber, field: 'input.idNumber' },
    );
    return this.em.transactional(async (em) => {
      if (!(await em.findOne(Institution, institutionId!))) throw notFound('institution', 'input.institutionId');
      if (classId !== null) {
        const trainingClass = await em.findOne(TrainingClass, classId);
        if (!trainingClass) throw notFound('training class', 'input.classId');
        const course = await em.findOneOrFail(Course, trainingClass.courseId);
        if (course.institutionId !== institutionId) throw badInput('input.classId', `the class is not one of institution ${institutionId}'s`);
      }
      const referral = em.create(TrainingReferral, {
        workerId: workerPseudonym(input.idNumber, this.pseudonymKey),
        idNumber: input.idNumber,
        institutionId: institutionId!,
        classId,
        validUntil,
        note,
        issuedBy,
      });
      await em.flush();
      return referral;
    });
  }

  /**
   * The oldest open referral of the worker to the institution (for any class, or this one),
   * locked in the caller's transaction so that two enrolments cannot use one referral; or null.
   */
  static async lockOpen(em: EntityManager, workerId: string, institutionId: number, classId: number): Promise<number | null> {
    const [row] = await em.getConnection().execute<{ id: number }[]>(
      `select id from training_referral
        where worker_id = ? and institution_id = ? and (class_id is null or class_id = ?) and enrolment_id is null and valid_until >= ?::date
        order by id limit 1 for update`,
      [workerId, institutionId, classId, todayInChina()],
      'all',
      em.getTransactionContext(),
    );
    return row?.id ?? null;
  }

  static async markUsed(em: EntityManager, referralId: number, enrolmentId: number): Promise<void> {
    await em.getConnection().execute('update training_referral set enrolment_id = ? where id = ?', [enrolmentId, referralId], 'run', em.getTransactionContext());
  }
}
