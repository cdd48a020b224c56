import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '招聘会 — a job fair, on site in a township or county, or online (线上招聘会).' })
@Entity({ tableName: 'job_fair' })
export class JobFair {
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
