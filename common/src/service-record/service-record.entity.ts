import { ArrayType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../scalars';
import { PostingSource, RightsCaseStatus, ServiceChannel, ServiceKind, ServiceOutcome } from './vocabulary';

/**
 * 一人一案 — one service a department gave a person. Every department (hr, poverty, civil,
 * training, partner) keeps its own `service_record` table of this shape (its migration, with
 * outbox and history triggers) and publishes it as `situation_source_v1.service_record`; the
 * situation read model joins them into one timeline per person. The type is the same in every
 * subgraph (@shareable): whichever department answers, the record reads the same.
 */
@ObjectType({ description: '服务记录 (一人一案) — one service a department gave a person: what, when, by which staff account, with its outcome.' })
@Directive('@shareable')
@Entity({ tableName: 'service_record' })
@Index({ properties: ['workerId', 'servedOn'] })
export class ServiceRecord {
  [OptionalProps]?:
    | 'note'
    | 'postingSource'
    | 'postingIds'
    | 'outcome'
    | 'channel'
    | 'courseId'
    | 'classId'
    | 'caseStatus'
    | 'closedOn'
    | 'recordedAt'
    | 'withdrawnAt'
    | 'withdrawnBy'
    | 'withdrawalReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => ID, { description: 'The person (pseudonymous worker key).' })
  @Property({ type: 'string', length: 32 })
  workerId: string;

  @Field(() => String, { description: 'The department that gave the service (hr, poverty, civil, training, partner).' })
  @Property({ type: 'string', length: 16 })
  department: string;

  @Field(() => ServiceKind)
  @Enum({ items: () => ServiceKind })
  kind: ServiceKind;

  @Field(() => LocalDateScalar, { description: 'The day of the service (a rights case: the day it was opened).' })
  @Property({ type: 'date' })
  servedOn: string;

  @Field(() => String, { description: 'The staff account that recorded it (the signed-in subject; never typed).' })
  @Property({ type: 'string', length: 200 })
  staffAccount: string;

  @Field(() => String, { nullable: true, description: 'Free text, up to 500 characters; never an ID number.' })
  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @Field(() => PostingSource, { nullable: true, description: 'JOB_REFERRAL and JOB_PUSH: whose postings postingIds are (hr’s job postings or a partner city’s pushed postings).' })
  @Enum({ items: () => PostingSource, nullable: true })
  postingSource: PostingSource | null = null;

  @Field(() => [ID], { description: 'JOB_REFERRAL: the posting referred to; JOB_PUSH: the postings sent (ids in the department postingSource names).' })
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  postingIds: string[] = [];

  @Field(() => ServiceOutcome, { nullable: true, description: 'JOB_REFERRAL and CONTACT_ATTEMPT: the outcome; RIGHTS_PROTECTION: how the case ended, once closed.' })
  @Enum({ items: () => ServiceOutcome, nullable: true })
  outcome: ServiceOutcome | null = null;

  @Field(() => ServiceChannel, { nullable: true, description: 'JOB_PUSH (required) and CONTACT_ATTEMPT (optional): how it reached the person.' })
  @Enum({ items: () => ServiceChannel, nullable: true })
  channel: ServiceChannel | null = null;

  @Field(() => ID, { nullable: true, description: 'TRAINING_REFERRAL: the course referred to.' })
  @Property({ type: 'integer', nullable: true })
  courseId: number | null = null;

  @Field(() => ID, { nullable: true, description: 'TRAINING_REFERRAL: the class referred to.' })
  @Property({ type: 'integer', nullable: true })
  classId: number | null = null;

  @Field(() => RightsCaseStatus, { nullable: true, description: 'RIGHTS_PROTECTION: OPEN until closed (updateXRightsCase).' })
  @Enum({ items: () => RightsCaseStatus, nullable: true })
  caseStatus: RightsCaseStatus | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'RIGHTS_PROTECTION: the day the case was closed.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '作废: when the record was withdrawn as entered in error (withdrawXService); a withdrawn record leaves the timeline.',
  })
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'The staff account that withdrew it.' })
  @Property({ type: 'string', length: 200, nullable: true })
  withdrawnBy: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was withdrawn (4 to 500 characters, no ID number).' })
  @Property({ type: 'string', length: 500, nullable: true })
  withdrawalReason: string | null = null;
}
