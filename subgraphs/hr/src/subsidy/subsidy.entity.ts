import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar } from '@jiuye/common';

export const SubsidyKindVocabulary = defineVocabulary('SubsidyKind', '就业补贴类别 — kind of employment subsidy paid to a worker', {
  ONE_OFF_EMPLOYMENT: '一次性求职（就业）补贴, 500 元, at most once per worker',
  TRAVEL_FARE: '外出务工交通补助（单程车费）',
  TRAINING_LIVING: '培训期间生活费补贴, 50 元/天',
  WELFARE_POST_ALLOWANCE: '公益性岗位补贴',
  ENTREPRENEURSHIP: '一次性创业补贴',
});
export const SubsidyKind = SubsidyKindVocabulary.enumObject;
export type SubsidyKind = keyof typeof SubsidyKind;

@ObjectType({ description: '补贴发放 — an employment subsidy paid to a worker.' })
@Entity({ tableName: 'subsidy_payment' })
@Index({ properties: ['workerId', 'paidOn'] })
// The one-off employment subsidy is paid once per worker: checked by the service, guaranteed here.
@Unique({
  name: 'subsidy_payment_one_off_once',
  expression: `create unique index "subsidy_payment_one_off_once" on "subsidy_payment" ("worker_id") where "kind" = 'ONE_OFF_EMPLOYMENT'`,
})
@Check({ name: 'subsidy_payment_amount_positive', expression: 'amount > 0' })
export class SubsidyPayment {
  [OptionalProps]?: 'recordedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 32 })
  workerId: string;

  @Field(() => SubsidyKind)
  @Enum({ items: () => SubsidyKind })
  kind: SubsidyKind;

  @Field(() => Int, { description: 'Amount in yuan.' })
  @Property({ type: 'integer' })
  amount: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  paidOn: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
