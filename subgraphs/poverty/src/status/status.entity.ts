import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar, PovertyStatus } from '@jiuye/common';

/** One dated step of a household's poverty status; the last one is the current status. */
@ObjectType({ description: "贫困状态变更 — one dated change of a registered household's poverty status." })
@Entity({ tableName: 'poverty_status_change' })
@Index({ properties: ['householdCode', 'effectiveOn'] })
export class PovertyStatusChange {
  [OptionalProps]?: 'fromStatus' | 'recordedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '户编号' })
  @Property({ type: 'string', length: 16 })
  householdCode: string;

  @Field(() => PovertyStatus, { nullable: true, description: 'Empty for the first status (registration).' })
  @Enum({ items: () => PovertyStatus, nullable: true })
  fromStatus: PovertyStatus | null = null;

  @Field(() => PovertyStatus)
  @Enum({ items: () => PovertyStatus })
  toStatus: PovertyStatus;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  effectiveOn: string;

  @Field(() => String, { description: '原因 — cause of poverty (致贫原因), reason for lifting, the risk…' })
  @Property({ type: 'string', length: 200 })
  reason: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
