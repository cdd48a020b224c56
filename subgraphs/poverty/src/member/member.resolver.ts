import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PovertyContext } from '../context';
import { Household } from '../household/household.type';
import { Worker } from '../worker/worker.type';
import { HouseholdMember } from './member.entity';
import { AddHouseholdMemberInput, RemoveHouseholdMemberInput } from './member.inputs';
import { HouseholdMemberService } from './member.service';

@Resolver(() => HouseholdMember)
export class HouseholdMemberResolver {
  @FieldResolver(() => Worker, { description: 'The person, as the other departments know them.' })
  worker(@Root() member: HouseholdMember): Worker {
    return { id: member.workerId };
  }

  @FieldResolver(() => Household)
  household(@Root() member: HouseholdMember): Household {
    return { code: member.householdCode };
  }

  @Mutation(() => HouseholdMember, { description: '增加家庭成员 — a person joins a registered household (birth, marriage…).' })
  addHouseholdMember(@Arg('input', () => AddHouseholdMemberInput) input: AddHouseholdMemberInput, @Ctx() { em, config }: PovertyContext) {
    return new HouseholdMemberService(em, config.pseudonymKey).add(input);
  }

  @Mutation(() => HouseholdMember, { description: '减少家庭成员 — a person leaves a registered household (出嫁, 死亡, 迁出…).' })
  removeHouseholdMember(@Arg('input', () => RemoveHouseholdMemberInput) input: RemoveHouseholdMemberInput, @Ctx() { em, config }: PovertyContext) {
    return new HouseholdMemberService(em, config.pseudonymKey).remove(input);
  }
}
