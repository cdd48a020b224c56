import { Arg, Args, ArgsType, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, PageArgs, PageType } from '@jiuye/common';
import type { CivilContext } from '../context';
import { authorizeGrantWrite, authorizeHouseholdWrite } from '../access';
import { AssistanceGrant, AssistanceKind } from './assistance.entity';
import { GrantAssistanceInput, StopAssistanceInput } from './assistance.inputs';
import { AssistanceService } from './assistance.service';

@ObjectType()
export class AssistanceGrantPage extends PageType(AssistanceGrant) {}

@ArgsType()
class AssistanceGrantsArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { description: 'A county, township or village: grants of households in it.' })
  divisionCode: string;

  @Field(() => AssistanceKind, { nullable: true })
  kind?: AssistanceKind | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only grants paid on this day.' })
  activeOn?: string | null;
}

@Resolver(() => AssistanceGrant)
export class AssistanceResolver {
  @Query(() => AssistanceGrantPage, { description: '低保/特困 grants of households in a division.' })
  assistanceGrants(@Args(() => AssistanceGrantsArgs) args: AssistanceGrantsArgs, @Ctx() { em, access }: CivilContext) {
    return new AssistanceService(em).list({ ...args, divisionCode: access.scopeDivision(args.divisionCode) });
  }

  @Mutation(() => AssistanceGrant, { description: '审批低保/特困 — grant assistance to a household.' })
  async grantAssistance(@Arg('input', () => GrantAssistanceInput) input: GrantAssistanceInput, @Ctx() context: CivilContext) {
    await authorizeHouseholdWrite(context, input.householdCode, 'assistance grants');
    return new AssistanceService(context.em).grant(input);
  }

  @Mutation(() => AssistanceGrant, { description: '停发 — stop a grant from a given day, with the reason.' })
  async stopAssistance(@Arg('input', () => StopAssistanceInput) input: StopAssistanceInput, @Ctx() context: CivilContext) {
    const inScope = authorizeGrantWrite(context, 'assistance grants');
    return new AssistanceService(context.em).stop(input, inScope);
  }
}
