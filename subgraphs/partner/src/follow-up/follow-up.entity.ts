import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '跟踪回访 — a follow-up of a transferred worker: still employed? wage? a labour-rights case?' })
@Entity({ tableName: 'follow_up_visit' })
@Index({ properties: ['transferId', 'visitedOn'] })
export class FollowUpVisit {
  [OptionalProps]?: 'monthlyWage' | 'note' | 'recordedAt' | 'workerId' | 'cityCode';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  transferId: number;

  @Field(() => LocalDateScalar, { description: '回访日期' })
  @Property({ type: 'date' })
  visitedOn: string;

  @Field(() => Boolean, { description: '是否在岗 — still employed in the job of the transfer.' })
  @Property({ type: 'boolean' })
  stillEmployed: boolean;

  @Field(() => Int, { nullable: true, description: '月工资 (yuan), when still employed and known.' })
  @Property({ type: 'integer', nullable: true })
  monthlyWage: number | null = null;

  @Field(() => Boolean, { description: '劳动维权 — a labour-rights case was raised (unpaid wages, injury, contract).' })
  @Property({ type: 'boolean' })
  rightsCase: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  /**
   * The worker and city of the visit's transfer, selected with every visit (a subquery on the
   * transfer's primary key, no column and no extra statement): access control decides on them
   * (access.ts). Not persisted; the service sets them on a visit it creates.
   */
  @Property({ type: 'string', formula: (table) => `(select visit_transfer.worker_id from transfer visit_transfer where visit_transfer.id = ${table}.transfer_id)` })
  workerId?: string;

  @Property({ type: 'string', formula: (table) => `(select visit_transfer.city_code from transfer visit_transfer where visit_transfer.id = ${table}.transfer_id)` })
  cityCode?: string;
}
