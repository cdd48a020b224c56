import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, WelfarePostKind } from '@jiuye/common';

export const WelfarePostFundingVocabulary = defineVocabulary('WelfarePostFunding', '岗位资金来源 — who pays a public-welfare post', {
  EMPLOYMENT_FUND: '就业补助资金',
  LINKAGE_FUND: '衔接推进乡村振兴补助资金',
  SECTOR_FUND: '行业部门资金',
  COUNTY_BUDGET: '县级财政资金',
  VILLAGE_COLLECTIVE: '村集体经济收入',
});
export const WelfarePostFunding = WelfarePostFundingVocabulary.enumObject;
export type WelfarePostFunding = keyof typeof WelfarePostFunding;

/** The usual oldest holder (the labour registry's 16–60); a post may take holders up to 65 where the county's rules allow (护林员, 保洁员 in villages). */
export const DEFAULT_MAX_HOLDER_AGE = 60;
export const MAX_HOLDER_AGE_LIMIT = 65;
export const MIN_HOLDER_AGE = 16;

@ObjectType({ description: '公益性岗位 — a public-welfare post developed in a village: the floor (兜底安置) for workers who cannot leave home.' })
@Entity({ tableName: 'welfare_post' })
@Check({ name: 'welfare_post_max_holder_age', expression: 'max_holder_age between 60 and 65' })
export class WelfarePost {
  [OptionalProps]?: 'agency' | 'managingDepartment' | 'fundingSource' | 'openedOn' | 'closedOn' | 'closeReason' | 'maxHolderAge' | 'open' | 'monthlyAllowance';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => WelfarePostKind)
  @Enum({ items: () => WelfarePostKind })
  kind: WelfarePostKind;

  @Property({ type: 'string', length: 12 })
  @Index()
  villageCode: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  title: string;

  @Field(() => Int, { description: 'Allowance in yuan per year (about 6,000).' })
  @Property({ type: 'integer' })
  annualAllowance: number;

  @Field(() => Int, { description: 'Allowance in yuan per month (the annual allowance over 12, rounded).' })
  get monthlyAllowance(): number {
    return Math.round(this.annualAllowance / 12);
  }

  @Field(() => String, { nullable: true, description: '用岗单位 — the agency the holder works at (镇政府, 村委会, 林业站…), when not the village itself.' })
  @Property({ type: 'string', length: 100, nullable: true })
  agency: string | null = null;

  @Field(() => String, { nullable: true, description: '管理部门 — the department that manages the post (林草局, 交通运输局, 住建局…).' })
  @Property({ type: 'string', length: 50, nullable: true })
  managingDepartment: string | null = null;

  @Field(() => WelfarePostFunding, { nullable: true })
  @Enum({ items: () => WelfarePostFunding, nullable: true })
  fundingSource: WelfarePostFunding | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: '开发日期 — the day the post was opened.' })
  @Property({ type: 'date', nullable: true })
  openedOn: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the post was closed (撤岗); a closed post takes no holder.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;

  @Field(() => Int, { description: 'Oldest age at which a holder may start (60; up to 65 where the county allows).' })
  @Property({ type: 'smallint', default: DEFAULT_MAX_HOLDER_AGE })
  maxHolderAge: number = DEFAULT_MAX_HOLDER_AGE;

  @Field(() => Boolean, { description: 'Not closed.' })
  get open(): boolean {
    return this.closedOn === null;
  }
}

@ObjectType({ description: '公益性岗位聘用 — who holds (or held) a public-welfare post, and when.' })
@Entity({ tableName: 'welfare_post_assignment' })
// One holder at a time per post; checked by the service, guaranteed by this partial unique index.
@Unique({
  name: 'welfare_post_assignment_one_holder',
  expression: 'create unique index "welfare_post_assignment_one_holder" on "welfare_post_assignment" ("post_id") where "ends_on" is null',
})
@Check({ name: 'welfare_post_assignment_ends_after_start', expression: 'ends_on is null or ends_on >= starts_on' })
export class WelfarePostAssignment {
  [OptionalProps]?: 'employmentId' | 'endsOn' | 'current';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  postId: number;

  @Property({ type: 'string', length: 32 })
  @Index()
  workerId: string;

  /** The PUBLIC_WELFARE_POST employment opened with the assignment (ended with it). */
  @Property({ type: 'integer', nullable: true })
  @Index()
  employmentId: number | null = null;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Empty while the worker holds the post.' })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => Boolean, { description: 'Holds the post now (no end recorded).' })
  get current(): boolean {
    return this.endsOn === null;
  }
}
