import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, PageArgs, PageType, PovertyStatus, requireDivisionCode, type Page } from '@jiuye/common';
import type { PovertyContext } from '../context';
import type { PovertyLoaders } from '../loaders';
import { HouseholdMember } from '../member/member.entity';
import { RelocationSite } from '../relocation/relocation.entity';
import { HouseholdResponsibility } from '../responsibility/responsibility.entity';
import { PovertyStatusChange } from '../status/status.entity';
import { ChangePovertyStatusInput } from '../status/status.inputs';
import { PovertyStatusService } from '../status/status.service';
import type { RegisteredHousehold } from './household.entity';
import { RegisterHouseholdInput } from './household.inputs';
import { authorizeHouseholdWrite, householdNamer, requireVisibleHousehold } from '../access';
import { HouseholdService } from './household.service';
import { Household } from './household.type';

@ObjectType()
export class HouseholdPage extends PageType(Household) {}

@ArgsType()
export class HouseholdFilterArgs extends PageArgs {
  @Field(() => PovertyStatus, { nullable: true, description: 'Only households with this current status.' })
  status?: PovertyStatus | null;
}

@ArgsType()
class HouseholdsArgs extends HouseholdFilterArgs {
  @Field(() => DivisionCodeScalar, { description: 'A county, township or village: registered households in it.' })
  divisionCode: string;
}

/** A page of registered households, loaded with every other page of the same request. */
export async function loadHouseholdPage(
  loaders: PovertyLoaders,
  args: { divisionCode: string; status?: PovertyStatus | null; first: number; after?: string | null },
): Promise<Page<Household>> {
  requireDivisionCode(args.divisionCode, 'divisionCode');
  const page = await loaders.householdPages(args).load(args.divisionCode);
  return { ...page, nodes: page.nodes.map((record) => primed(loaders, record)) };
}

/** The graph's Household for a record already loaded: its fields then cost no query. */
function primed(loaders: PovertyLoaders, record: RegisteredHousehold): Household {
  loaders.householdByCode.clear(record.code).prime(record.code, record);
  return { code: record.code };
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: '建档立卡户 — a registered household by its code (NOT_FOUND if not registered).' })
  async household(@Arg('code', () => String) code: string, @Ctx() context: PovertyContext): Promise<Household> {
    await requireVisibleHousehold(context, code);
    return primed(context.loaders, await new HouseholdService(context.em, context.config.pseudonymKey).requireRegistered(code));
  }

  @Query(() => HouseholdPage, { description: 'Registered households in a division, by household code.' })
  households(@Args(() => HouseholdsArgs) args: HouseholdsArgs, @Ctx() { loaders, access }: PovertyContext) {
    return loadHouseholdPage(loaders, { ...args, divisionCode: access.scopeDivision(args.divisionCode) });
  }

  @Mutation(() => Household, { description: '建档立卡 / 纳入监测 — register a household, its members and its first status.' })
  async registerHousehold(@Arg('input', () => RegisterHouseholdInput) input: RegisterHouseholdInput, @Ctx() context: PovertyContext) {
    await authorizeHouseholdWrite(context, input.code, 'input.code', 'registered households');
    return primed(context.loaders, await new HouseholdService(context.em, context.config.pseudonymKey, householdNamer(context)).register(input));
  }

  @Mutation(() => Household, { description: '贫困状态变更 — record a dated status change (脱贫, 返贫, 纳入/解除监测…).' })
  async changePovertyStatus(@Arg('input', () => ChangePovertyStatusInput) input: ChangePovertyStatusInput, @Ctx() context: PovertyContext) {
    await authorizeHouseholdWrite(context, input.householdCode, 'input.householdCode', 'poverty status');
    return primed(context.loaders, await new PovertyStatusService(context.em).change(input));
  }

  @FieldResolver(() => PovertyStatus, { nullable: true, description: '贫困状态; empty = 未建档 (not registered).' })
  async povertyStatus(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    return (await loaders.householdByCode.load(household.code))?.povertyStatus ?? null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Since when the current status holds.' })
  async statusSince(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    return (await loaders.householdByCode.load(household.code))?.statusSince ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: '建档年份 — year of registration (or of first monitoring).' })
  async registeredYear(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    return (await loaders.householdByCode.load(household.code))?.registeredYear ?? null;
  }

  @FieldResolver(() => [PovertyStatusChange], { nullable: true, description: 'Every status the household had, oldest first; the last is the current one.' })
  statusHistory(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    return loaders.statusChangesByHousehold.load(household.code);
  }

  @FieldResolver(() => RelocationSite, { nullable: true, description: '易地搬迁安置点, for a relocated household.' })
  async relocationSite(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    const record = await loaders.householdByCode.load(household.code);
    return record?.relocationSiteId == null ? null : loaders.relocationSiteById.load(record.relocationSiteId);
  }

  @FieldResolver(() => HouseholdResponsibility, { nullable: true, description: '帮扶责任人 and 挂包单位 now responsible.' })
  responsibility(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    return loaders.openResponsibilityByHousehold.load(household.code);
  }

  @FieldResolver(() => [HouseholdMember], { nullable: true, description: '建档立卡户成员, head first.' })
  async registeredMembers(
    @Root() household: Household,
    @Arg('includeRemoved', () => Boolean, { defaultValue: false, description: 'Also those who left.' }) includeRemoved: boolean,
    @Ctx() { loaders }: PovertyContext,
  ) {
    const members = await loaders.membersByHousehold.load(household.code);
    return includeRemoved ? members : members.filter((m) => m.removedOn === null);
  }
}

export function resolveHouseholdReference(reference: { code: string }): Household {
  return { code: reference.code };
}
