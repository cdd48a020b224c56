import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict, InputProblems, notFound, requireIdNumber, todayInChina, workerPseudonym, type ParsedIdNumber } from '@jiuye/common';
import { RegisteredHousehold } from '../household/household.entity';
import { checkHouseholdCode, checkText, memberElsewhereMessage, NAME_LENGTH, type HouseholdNamer } from '../household/household.service';
import { HouseholdMember } from './member.entity';
import type { AddHouseholdMemberInput, RemoveHouseholdMemberInput } from './member.inputs';

export const REMOVAL_REASON_LENGTH = { min: 2, max: 200 };

/** Who belongs to a registered household: one head, a person in at most one household at a time. */
export class HouseholdMemberService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    private readonly mayName: HouseholdNamer = () => true,
  ) {}

  private async lockHousehold(em: EntityManager, code: string): Promise<RegisteredHousehold> {
    const household = await em.findOne(RegisteredHousehold, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!household) throw notFound('registered household', 'input.householdCode');
    return household;
  }

  async add(input: AddHouseholdMemberInput): Promise<HouseholdMember> {
    const parsed = requireIdNumber(input.idNumber, 'input.idNumber');
    const problems = new InputProblems();
    checkHouseholdCode(problems, input.householdCode, 'input.householdCode');
    const name = checkText(problems, input.name, 'input.name', NAME_LENGTH);
    problems.throwIfAny();
    const workerId = workerPseudonym(input.idNumber, this.pseudonymKey);
    try {
      return await this.addInTransaction(input, workerId, parsed, name);
    } catch (error) {
      // Two clerks adding the same person to two households at once: the partial unique index decides.
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict('input.idNumber', 'this person was just added to a registered household by someone else; reload and check');
      }
      throw error;
    }
  }

  private addInTransaction(input: AddHouseholdMemberInput, workerId: string, parsed: ParsedIdNumber, name: string): Promise<HouseholdMember> {
    return this.em.transactional(async (em) => {
      await this.lockHousehold(em, input.householdCode);
      const members = await em.find(HouseholdMember, { householdCode: input.householdCode });
      const earlier = members.find((m) => m.workerId === workerId);
      if (earlier?.removedOn === null) throw conflict('input.idNumber', 'this person is already a member of the household');
      if (input.relationship === 'HEAD' && members.some((m) => m.removedOn === null && m.relationship === 'HEAD')) {
        throw conflict('input.relationship', 'the household already has a head (户主); a household has exactly one');
      }
      const elsewhere = await em.findOne(HouseholdMember, { workerId, removedOn: null });
      if (elsewhere) {
        throw conflict('input.idNumber', await memberElsewhereMessage(elsewhere.householdCode, this.mayName));
      }
      let member: HouseholdMember;
      if (earlier) {
        // Back in the household they once left: the same row again (one row per person and household).
        member = earlier;
        member.name = name;
        member.relationship = input.relationship;
        member.removedOn = null;
        member.removalReason = null;
      } else {
        member = em.create(HouseholdMember, {
          householdCode: input.householdCode,
          workerId,
          idNumber: input.idNumber,
          name,
          sex: parsed.sex,
          birthDate: parsed.birthDate,
          relationship: input.relationship,
        });
      }
      await em.flush();
      return member;
    });
  }

  async remove(input: RemoveHouseholdMemberInput): Promise<HouseholdMember> {
    requireIdNumber(input.idNumber, 'input.idNumber');
    if (input.newHeadIdNumber != null) requireIdNumber(input.newHeadIdNumber, 'input.newHeadIdNumber');
    const problems = new InputProblems();
    checkHouseholdCode(problems, input.householdCode, 'input.householdCode');
    problems.check(input.removedOn <= todayInChina(), 'input.removedOn', 'must not be in the future');
    const reason = checkText(problems, input.reason, 'input.reason', REMOVAL_REASON_LENGTH);
    problems.check(input.newHeadIdNumber == null || input.newHeadIdNumber !== input.idNumber, 'input.newHeadIdNumber', 'the new head must be someone who stays');
    problems.throwIfAny();
    const workerId = workerPseudonym(input.idNumber, this.pseudonymKey);
    const newHeadId = input.newHeadIdNumber == null ? null : workerPseudonym(input.newHeadIdNumber, this.pseudonymKey);
    return this.em.transactional(async (em) => {
      await this.lockHousehold(em, input.householdCode);
      const current = await em.find(HouseholdMember, { householdCode: input.householdCode, removedOn: null });
      const member = current.find((m) => m.workerId === workerId);
      if (!member) throw notFound('current member of the household with this ID number', 'input.idNumber');
      if (input.removedOn < member.birthDate) throw badInput('input.removedOn', 'must not be before the person was born');
      const staying = current.filter((m) => m !== member);
      if (member.relationship === 'HEAD' && staying.length > 0) {
        if (newHeadId === null) throw badInput('input.newHeadIdNumber', 'the head (户主) leaves: name the member who becomes head');
        const newHead = staying.find((m) => m.workerId === newHeadId);
        if (!newHead) throw badInput('input.newHeadIdNumber', 'not a current member of the household');
        newHead.relationship = 'HEAD';
      } else if (newHeadId !== null) {
        throw badInput('input.newHeadIdNumber', 'only needed when the head leaves');
      }
      member.removedOn = input.removedOn;
      member.removalReason = reason;
      await em.flush();
      return member;
    });
  }
}
