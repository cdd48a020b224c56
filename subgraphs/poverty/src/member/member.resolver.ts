import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PovertyContext } from '../context';
import { Household } from '../household/household.type';
import { Worker } from '../worker/worker.type';
import { HouseholdMember } from './member.entity';
import { AddHouseholdMemberInput, RemoveHouseholdMemberInput } from './member.inputs';
import { HouseholdMemberService } from './member.service';
import { authorizeHouseholdWrite, householdNamer } from '../access';

@Resolver(() => HouseholdMember)
export class HouseholdMemberResolver {
  @FieldResolver(() => Worker, { description: 'The person, as the other departments know them.' })
  worker(@Root() member: HouseholdMember): Worker {
    // A current member is placed by this household (a person is a current member of one at most);
    // someone who left is placed by the authority.
    return member.removedOn === null ? { id: member.workerId, householdCode: member.householdCode } : { id: member.workerId };
  }

  @FieldResolver(() => Household)
  household(@Root() member: HouseholdMember): Household {
    return { code: member.householdCode };
  }

  @Mutation(() => HouseholdMember, { description: '增加家庭成员 — a person joins a registered household (birth, marriage…).' })
  async addHouseholdMember(@Arg('input', () => AddHouseholdMemberInput) input: AddHouseholdMemberInput, @Ctx() context: PovertyContext) {
    await authorizeHouseholdWrite(context, input.householdCode, 'input.householdCode', 'household members');
    return new HouseholdMemberService(context.em, context.config.pseudonymKey, householdNamer(context)).add(input);
  }

  @Mutation(() => HouseholdMember, { description: '减少家庭成员 — a person leaves a registered household (出嫁, 死亡, 迁出…).' })
  async removeHouseholdMember(@Arg('input', () => RemoveHouseholdMemberInput) input: RemoveHouseholdMemberInput, @Ctx() context: PovertyContext) {
    await authorizeHouseholdWrite(context, input.householdCode, 'input.householdCode', 'household members');
    return new HouseholdMemberService(context.em, context.config.pseudonymKey).remove(input);
  }
}
