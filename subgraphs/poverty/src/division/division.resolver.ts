import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PovertyContext } from '../context';
import { HouseholdFilterArgs, HouseholdPage, loadHouseholdPage } from '../household/household.resolver';
import { Division } from './division.type';

@Resolver(() => Division)
export class DivisionResolver {
  @FieldResolver(() => HouseholdPage, { nullable: true, description: '建档立卡户 in this division, by household code.' })
  households(@Root() division: Division, @Args(() => HouseholdFilterArgs) args: HouseholdFilterArgs, @Ctx() { loaders, access }: PovertyContext) {
    return loadHouseholdPage(loaders, { ...args, divisionCode: access.scopeDivision(division.code, 'Division.households') });
  }
}

export function resolveDivisionReference(reference: { code: string }): Division {
  return { code: reference.code };
}
