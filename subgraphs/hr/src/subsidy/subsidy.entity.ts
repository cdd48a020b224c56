import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

export const SUBSIDY_KIND_LABELS = {
  ONE_OFF_EMPLOYMENT: '一次性求职（就业）补贴',
  TRAVEL_FARE: '外出务工交通补助',
  TRAINING_LIVING: '培训期间生活费补贴',
  WELFARE_POST_ALLOWANCE: '公益性岗位补贴',
  ENTREPRENEURSHIP: '一次性创业补贴',
} as const;
export type SubsidyKind = keyof typeof SUBSIDY_KIND_LABELS;
export const SubsidyKind = {
  ONE_OFF_EMPLOYMENT: 'ONE_OFF_EMPLOYMENT',
  TRAVEL_FARE: 'TRAVEL_FARE',
  TRAINING_LIVING: 'TRAINING_LIVING',
  WELFARE_POST_ALLOWANCE: 'WELFARE_POST_ALLOWANCE',
  ENTREPRENEURSHIP: 'ENTREPRENEURSHIP',
} as const;
registerEnumType(SubsidyKind, {
  name: 'SubsidyKind',
  description: '就业补贴类别 — kind of employment subsidy paid to a worker',
  valuesConfig: {
    ONE_OFF_EMPLOYMENT: { description: `${SUBSIDY_KIND_LABELS.ONE_OFF_EMPLOYMENT}, 500 元, at most once per worker` },
    TRAVEL_FARE: { description: `${SUBSIDY_KIND_LABELS.TRAVEL_FARE}（单程车费）` },
    TRAINING_LIVING: { description: `${SUBSIDY_KIND_LABELS.TRAINING_LIVING}, 50 元/天` },
    WELFARE_POST_ALLOWANCE: { description: SUBSIDY_KIND_LABELS.WELFARE_POST_ALLOWANCE },
    ENTREPRENEURSHIP: { description: SUBSIDY_KIND_LABELS.ENTREPRENEURSHIP },
  },
});

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
