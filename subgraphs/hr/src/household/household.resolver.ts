import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isHouseholdCode, villageOfHousehold } from '@jiuye/common';
import type { HrContext } from '../context';
import { Division } from '../division/division.type';
import { Worker } from '../worker/worker.type';
import { Household } from './household.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => [Worker], { nullable: true, description: 'Members in the labour registry (aged 16–60), oldest first.' })
  members(@Root() household: Household, @Ctx() { loaders }: HrContext) {
    return loaders.workersByHousehold.load(household.code);
  }

  @FieldResolver(() => Division, { nullable: true, description: 'The village: the first 12 digits of the household code.' })
  village(@Root() household: Household): Division | null {
    return isHouseholdCode(household.code) ? { code: villageOfHousehold(household.code) } : null;
  }
}

export function resolveHouseholdReference(reference: { code: string }): Household {
  return { code: reference.code };
}
