import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '岗位推送 — a job a partner city pushed to the county for its workers.' })
@Entity({ tableName: 'partner_job_posting' })
@Index({ properties: ['cityCode', 'validUntil'] })
export class PartnerJobPosting {
  [OptionalProps]?: 'baseId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

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
}
