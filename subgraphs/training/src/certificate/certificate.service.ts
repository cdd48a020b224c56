import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, InputProblems, notFound, todayInChina, workerPseudonym } from '@jiuye/common';
import { Enrolment, ENROLMENT_STATUS_LABELS, EnrolmentStatus } from '../enrolment/enrolment.entity';
import { throwIfInvalid } from '../ids';
import { parseRowId } from '@jiuye/common';
import { Certificate } from './certificate.entity';
import type { CertifyTraineeInput } from './certificate.inputs';

export const CERTIFICATE_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9-]{5,39}$/;

/** 职业技能等级认定: recording certificates. */
export class CertificateService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  async certify(input: CertifyTraineeInput): Promise<Certificate> {
    const number = (input.number ?? '').trim().toUpperCase();
    const enrolmentId = input.enrolmentId == null ? null : parseRowId(input.enrolmentId);
    throwIfInvalid(
      new InputProblems()
        .check(Number.isInteger(input.grade) && input.grade >= 1 && input.grade <= 5, 'input.grade', 'a skill grade is 1 (一级/高级技师) to 5 (五级/初级工)')
        .check(CERTIFICATE_NUMBER_PATTERN.test(number), 'input.number', 'a certificate number is 6 to 40 letters, digits or hyphens')
        .check(input.issuedOn <= todayInChina(), 'input.issuedOn', 'must not be in the future')
        .check(input.enrolmentId == null || enrolmentId !== null, 'input.enrolmentId', 'not an enrolment id'),
      { value: input.idNumber, field: 'input.idNumber' },
    );
    const workerId = workerPseudonym(input.idNumber, this.pseudonymKey);
    try {
      return await this.em.transactional(async (em) => {
        if (await em.count(Certificate, { number })) throw conflict('input.number', 'a certificate with this number is already recorded');
        if (enrolmentId !== null) {
          const enrolment = await em.findOne(Enrolment, enrolmentId);
          if (!enrolment) throw notFound('enrolment', 'input.enrolmentId');
          if (enrolment.workerId !== workerId) throw badInput('input.enrolmentId', "the enrolment is not this worker's");
          if (enrolment.status !== EnrolmentStatus.COMPLETED || enrolment.completedOn === null) {
            throw badInput('input.enrolmentId', `the enrolment is not completed (${ENROLMENT_STATUS_LABELS[enrolment.status]}); only a completed training leads to a certificate`);
          }
          if (input.issuedOn < enrolment.completedOn) {
            throw badInput('input.issuedOn', `must not be before the training was completed (${enrolment.completedOn})`);
          }
        }
        const certificate = em.create(Certificate, {
          workerId,
          idNumber: input.idNumber,
          enrolmentId,
          trade: input.trade,
          grade: input.grade,
          number,
          issuedOn: input.issuedOn,
        });
        await em.flush();
        return certificate;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw conflict('input.number', 'a certificate with this number is already recorded');
      throw error;
    }
  }
}
