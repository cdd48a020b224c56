import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, HOUSEHOLD_CODE_MESSAGE, InputProblems, isHouseholdCode, requireIdNumber, workerPseudonym } from '@jiuye/common';
import { PersonCircumstance } from './person.entity';
import type { RecordDisabilityInput, SetLeftBehindInput } from './person.inputs';

export class PersonService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
  ) {}

  private async situationFor(em: EntityManager, idNumber: string, householdCode: string | null | undefined): Promise<PersonCircumstance> {
    const workerId = workerPseudonym(idNumber, this.pseudonymKey);
    let situation = await em.findOne(PersonCircumstance, { workerId });
    if (!situation) situation = em.create(PersonCircumstance, { workerId, idNumber });
    if (householdCode) situation.householdCode = householdCode;
    return situation;
  }

  async recordDisability(input: RecordDisabilityInput): Promise<PersonCircumstance> {
    requireIdNumber(input.idNumber, 'input.idNumber');
    new InputProblems()
      .check(Number.isInteger(input.grade) && input.grade >= 1 && input.grade <= 4, 'input.grade', 'a disability grade is 1 (most severe) to 4')
      .check(!input.householdCode || isHouseholdCode(input.householdCode), 'input.householdCode', HOUSEHOLD_CODE_MESSAGE)
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const situation = await this.situationFor(em, input.idNumber, input.householdCode);
      situation.disabilityKind = input.kind;
      situation.disabilityGrade = input.grade;
      situation.disabilityCertifiedOn = input.certifiedOn;
      await em.flush();
      return situation;
    });
  }

  async setLeftBehind(input: SetLeftBehindInput): Promise<PersonCircumstance> {
    requireIdNumber(input.idNumber, 'input.idNumber');
    if (input.householdCode && !isHouseholdCode(input.householdCode)) {
      throw badInput('input.householdCode', HOUSEHOLD_CODE_MESSAGE);
    }
    return this.em.transactional(async (em) => {
      const situation = await this.situationFor(em, input.idNumber, input.householdCode);
      situation.leftBehind = input.kind ?? null;
      await em.flush();
      return situation;
    });
  }
}
