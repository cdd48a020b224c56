import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PovertyContext } from '../context';
import { Cadre, ResponsibleUnit } from '../cadre/cadre.entity';
import { Household } from '../household/household.type';
import { HouseholdResponsibility } from './responsibility.entity';
import { AssignResponsibilityInput } from './responsibility.inputs';
import { ResponsibilityService } from './responsibility.service';
import { authorizeHouseholdWrite } from '../access';

@Resolver(() => HouseholdResponsibility)
export class ResponsibilityResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: '帮扶责任人' })
  cadre(@Root() responsibility: HouseholdResponsibility, @Ctx() { loaders }: PovertyContext) {
    return loaders.cadreById.load(responsibility.cadreId);
  }

  @FieldResolver(() => ResponsibleUnit, { nullable: true, description: '挂包责任单位' })
  unit(@Root() responsibility: HouseholdResponsibility, @Ctx() { loaders }: PovertyContext) {
    return loaders.unitById.load(responsibility.unitId);
  }

  @FieldResolver(() => Household)
  household(@Root() responsibility: HouseholdResponsibility): Household {
    return { code: responsibility.householdCode };
  }

  @Mutation(() => HouseholdResponsibility, {
    description: '结对帮扶 — make a cadre responsible for a household; the current responsibility ends the day before.',
  })
  async assignResponsibility(@Arg('input', () => AssignResponsibilityInput) input: AssignResponsibilityInput, @Ctx() context: PovertyContext) {
    await authorizeHouseholdWrite(context, input.householdCode, 'input.householdCode', 'household responsibilities');
    return new ResponsibilityService(context.em).assign(input);
  }
}
