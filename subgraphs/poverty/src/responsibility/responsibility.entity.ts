import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

/**
 * 结对帮扶 — which cadre (and unit) is responsible for a registered household, from when to when.
 * At most one open (until empty) responsibility per household.
 */
@ObjectType({ description: '帮扶责任 — the cadre and unit responsible for a registered household over a period.' })
@Entity({ tableName: 'household_responsibility' })
@Index({ properties: ['householdCode', 'since'] })
@Unique({
  name: 'household_responsibility_open_unique',
  expression: 'create unique index "household_responsibility_open_unique" on "household_responsibility" ("household_code") where "until" is null',
})
export class HouseholdResponsibility {
  [OptionalProps]?: 'until';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '户编号' })
  @Property({ type: 'string', length: 16 })
  householdCode: string;

  /** Exposed as `cadre`. */
  @Property({ type: 'integer' })
  @Index()
  cadreId: number;

  /** The cadre's unit when the responsibility began; exposed as `unit`. */
  @Property({ type: 'integer' })
  @Index()
  unitId: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  since: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; empty while responsible.' })
  @Property({ type: 'date', nullable: true })
  until: string | null = null;
}
