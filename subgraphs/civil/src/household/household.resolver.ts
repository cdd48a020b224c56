import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayInChina } from '@jiuye/common';
import type { CivilContext } from '../context';
import { AssistanceGrant, isActiveOn } from '../assistance/assistance.entity';
import { Household } from './household.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => [AssistanceGrant], { nullable: true, description: '低保/特困 grants, newest first, including stopped ones.' })
  assistanceGrants(@Root() household: Household, @Ctx() { loaders }: CivilContext) {
    return loaders.grantsByHousehold.load(household.code);
  }

  @FieldResolver(() => [AssistanceGrant], { nullable: true, description: 'Grants being paid today.' })
  async currentAssistance(@Root() household: Household, @Ctx() { loaders }: CivilContext) {
    const today = todayInChina();
    return (await loaders.grantsByHousehold.load(household.code)).filter((g) => isActiveOn(g, today));
  }
}

export function resolveHouseholdReference(reference: { code: string }): Household {
  return { code: reference.code };
}
