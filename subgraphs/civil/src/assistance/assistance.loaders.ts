import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader } from '@jiuye/common';
import { AssistanceGrant } from './assistance.entity';

export function createAssistanceLoaders(em: EntityManager) {
  return {
    /** household code → its grants, newest first; one query per batch of households. */
    grantsByHousehold: manyLoader<string, AssistanceGrant>(
      (codes) => em.find(AssistanceGrant, { householdCode: { $in: [...codes] } }, { orderBy: { startsOn: 'desc', id: 'desc' } }),
      (grant) => grant.householdCode,
    ),
  };
}
