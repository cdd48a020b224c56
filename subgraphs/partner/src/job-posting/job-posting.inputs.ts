import { Field, ID, InputType, Int } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, Trade, updateInputDescription } from '@jiuye/common';

@InputType({ description: '岗位推送 — a partner city pushes one of its jobs to the county (partner-city staff, their own city).' })
export class CreatePartnerJobPostingInput {
  @Field(() => DivisionCodeScalar, { nullable: true, description: 'The posting city: your own (the default); another is FORBIDDEN.' })
  cityCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'The base or station of the city that pushes it (open).' })
  baseId?: string | null;

  @Field(() => String, { description: '用工单位, 2 to 100 characters.' })
  employerName: string;

  @Field(() => String, { description: '岗位名称, 2 to 100 characters.' })
  title: string;

  @Field(() => Int, { description: '月工资 (yuan), 1 to 100000.' })
  monthlyWage: number;

  @Field(() => Int, { description: '招聘人数, 1 to 10000.' })
  headcount: number;

  @Field(() => Trade, { nullable: true, description: '所需工种; empty: no trade required (低门槛).' })
  requiredTrade?: Trade | null;

  @Field(() => LocalDateScalar, { description: '推送日期: not in the future, not before the pairing with the city began.' })
  pushedOn: string;

  @Field(() => LocalDateScalar, { description: '有效期至 (inclusive): from pushedOn, at most a year after it.' })
  validUntil: string;
}

@InputType({
  description: updateInputDescription('Change an open posting: the fields given are replaced, the others kept.', [
    'baseId (as clearBase: true)',
    'requiredTrade (as clearRequiredTrade: true)',
  ]),
})
export class UpdatePartnerJobPostingInput {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  baseId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the posting is no longer tied to a base.' })
  clearBase?: boolean | null;

  @Field(() => String, { nullable: true })
  employerName?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  monthlyWage?: number | null;

  @Field(() => Int, { nullable: true })
  headcount?: number | null;

  @Field(() => Trade, { nullable: true })
  requiredTrade?: Trade | null;

  @Field(() => Boolean, { nullable: true, description: 'true: no trade required any more (低门槛).' })
  clearRequiredTrade?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true })
  pushedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Extend or shorten; not before today (close it instead).' })
  validUntil?: string | null;
}

@InputType({ description: '招满/撤回 — close a posting before its validUntil; matching stops offering it from closedOn.' })
export class ClosePartnerJobPostingInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Closed from this day on: not in the future, not before it was pushed.' })
  closedOn: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters (e.g. 招满, 企业撤回).' })
  reason: string;
}
