import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { HouseholdMember, headFirst } from './member.entity';

export function createMemberLoaders(em: EntityManager) {
  return {
    /** household code → every member ever recorded, head first; one query per batch of households. */
    membersByHousehold: manyLoader<string, HouseholdMember>(
      async (codes) => (await em.find(HouseholdMember, { householdCode: { $in: [...codes] } })).sort(headFirst),
      (member) => member.householdCode,
    ),
    /** worker id → the person's current membership of a registered household, or null. */
    membershipByWorker: oneLoader<string, HouseholdMember>(
      (workerIds) => em.find(HouseholdMember, { workerId: { $in: [...workerIds] }, removedOn: null }),
      (member) => member.workerId,
    ),
  };
}
