import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, Trade } from '@jiuye/common';

@ObjectType({ description: '岗位推送 — a job a partner city pushed to the county for its workers.' })
// An entity: the situation read model adds the counts of willing workers (willingWorkers) from its copy of the registry.
@Directive('@key(fields: "id")')
@Entity({ tableName: 'partner_job_posting' })
@Index({ properties: ['cityCode', 'validUntil'] })
export class PartnerJobPosting {
  [OptionalProps]?: 'baseId' | 'requiredTrade' | 'closedOn' | 'closeReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: 'The posting city (4-digit code).' })
  @Property({ type: 'string', length: 4 })
  @Index()
  cityCode: string;

  @Property({ type: 'integer', nullable: true })
  @Index()
  baseId: number | null = null;

  @Field(() => String, { description: '用工单位' })
  @Property({ type: 'string', length: 100 })
  employerName: string;

  @Field(() => String, { description: '岗位名称' })
  @Property({ type: 'string', length: 100 })
  title: string;

  @Field(() => Int, { description: '月工资 (yuan)' })
  @Property({ type: 'integer' })
  monthlyWage: number;

  @Field(() => Int, { description: '招聘人数' })
  @Property({ type: 'integer' })
  headcount: number;

  @Field(() => LocalDateScalar, { description: '推送日期' })
  @Property({ type: 'date' })
  pushedOn: string;

  @Field(() => LocalDateScalar, { description: '有效期至 (inclusive)' })
  @Property({ type: 'date' })
  @Index()
  validUntil: string;

  @Field(() => Trade, { nullable: true, description: '所需工种 — a trade the job needs a certificate in; empty: no trade required (低门槛).' })
  @Enum({ items: () => Trade, nullable: true })
  requiredTrade: Trade | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: '提前结束 — closed from this day on (招满/撤回, closePartnerJobPosting); empty while it runs to validUntil.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was closed early.' })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;
}
