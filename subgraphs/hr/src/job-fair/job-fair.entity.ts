import { Check, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '招聘会 — a job fair, on site in a township or county, or online (线上招聘会).' })
@Entity({ tableName: 'job_fair' })
@Check({ name: 'job_fair_attendance_not_negative', expression: 'attendance is null or attendance >= 0' })
export class JobFair {
  [OptionalProps]?: 'venue' | 'organiser' | 'attendance' | 'cancelledOn' | 'cancelReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  @Index()
  heldOn: string;

  @Field(() => DivisionCodeScalar, { description: 'County code for county-wide and online fairs, township code for a township fair.' })
  @Property({ type: 'string', length: 12 })
  @Index()
  divisionCode: string;

  @Field(() => Boolean, { description: '线上 — held online.' })
  @Property({ type: 'boolean' })
  online: boolean;

  @Field(() => String, { nullable: true, description: '举办地点 — where an on-site fair is held; empty for online fairs (and fairs recorded before venues were kept).' })
  @Property({ type: 'string', length: 100, nullable: true })
  venue: string | null = null;

  @Field(() => String, { nullable: true, description: '主办单位 — who organises it (区人社局, 镇政府, 就业服务中心…).' })
  @Property({ type: 'string', length: 100, nullable: true })
  organiser: string | null = null;

  @Field(() => Int, { nullable: true, description: '入场人数 — how many people came (online: how many took part), as the organiser counted; empty until recorded.' })
  @Property({ type: 'integer', nullable: true })
  attendance: number | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was called off; a cancelled fair takes no employers, intentions or attendance.' })
  @Property({ type: 'date', nullable: true })
  cancelledOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  cancelReason: string | null = null;
}

/** 参会企业 — an employer taking part in a fair. */
@Entity({ tableName: 'job_fair_employer' })
@Unique({ properties: ['fairId', 'employerId'] })
export class JobFairEmployer {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  fairId: number;

  @Property({ type: 'integer' })
  @Index()
  employerId: number;
}

/** 进场岗位 — a posting an employer brings to a fair. */
@Entity({ tableName: 'job_fair_posting' })
@Unique({ properties: ['fairId', 'postingId'] })
export class JobFairPosting {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  fairId: number;

  @Property({ type: 'integer' })
  @Index()
  postingId: number;
}

@ObjectType({ description: '达成意向 — a worker and an employer agreed on a posting at a job fair.' })
@Entity({ tableName: 'job_fair_intention' })
@Unique({ properties: ['fairId', 'workerId', 'postingId'] })
export class JobFairIntention {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  fairId: number;

  @Property({ type: 'string', length: 32 })
  @Index()
  workerId: string;

  @Property({ type: 'integer' })
  @Index()
  postingId: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  reachedOn: string;
}
