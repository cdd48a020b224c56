import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { badInput, conflict, InputProblems, notFound, villageOfHousehold } from '@jiuye/common';
import { Cadre, CadrePosting } from '../cadre/cadre.entity';
import { RegisteredHousehold } from '../household/household.entity';
import { checkHouseholdCode, checkPositiveId } from '../household/household.service';
import { HouseholdResponsibility } from './responsibility.entity';
import type { AssignResponsibilityInput } from './responsibility.inputs';

export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** 结对帮扶: every registered household has at most one responsible cadre at a time. */
export class ResponsibilityService {
  constructor(private readonly em: EntityManager) {}

  async assign(input: AssignResponsibilityInput): Promise<HouseholdResponsibility> {
    const problems = new InputProblems();
    checkHouseholdCode(problems, input.householdCode, 'input.householdCode');
    const cadreId = checkPositiveId(problems, input.cadreId, 'input.cadreId');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const household = await em.findOne(RegisteredHousehold, { code: input.householdCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!household) throw notFound('registered household', 'input.householdCode');
      const cadre = await em.findOne(Cadre, { id: cadreId });
      if (!cadre) throw notFound('cadre', 'input.cadreId');
      // Consistent with the postings (issue 13): the cadre serves the household's village on the first day.
      const posting = await em.findOne(CadrePosting, { cadreId: cadre.id, villageCode: villageOfHousehold(household.code), until: null });
      if (!posting) throw badInput('input.cadreId', "the cadre does not serve the household's village; post them there first (postCadre)");
      if (input.since < posting.since) throw badInput('input.since', `must not be before the cadre began serving the village (${posting.since})`);
      const open = await em.findOne(HouseholdResponsibility, { householdCode: household.code, until: null });
      if (open) {
        if (open.cadreId === cadre.id) throw conflict('input.cadreId', `this cadre is already responsible for the household since ${open.since}`);
        if (input.since <= open.since) {
          throw badInput('input.since', `must be after the current responsibility began (${open.since}): it ends the day before`);
        }
        open.until = dayBefore(input.since);
        // Close first: the partial unique index allows one open responsibility per household.
        await em.flush();
      }
      const assigned = em.create(HouseholdResponsibility, {
        householdCode: household.code,
        cadreId: cadre.id,
        unitId: cadre.unitId,
        since: input.since,
      });
      await em.flush();
      return assigned;
    });
  }
}
