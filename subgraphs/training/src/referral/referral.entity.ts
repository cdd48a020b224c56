import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

/** Days a referral stays open when the county names no end. */
export const DEFAULT_REFERRAL_DAYS = 90;
/** The longest a referral may stay open. */
export const MAX_REFERRAL_DAYS = 366;

/**
 * 培训推荐 — the county's evidence, issued before the fact, that a worker of its region is sent to
 * an institution (or one of its classes) for training (hole 7): while it is open, the
 * institution's enrolment of that worker is confirmed at once (and uses the referral up).
 * Written by county staff (hr or training) whose region holds the worker; kept beside the
 * enrolments it authorises so that enrolTrainee checks it in its own transaction. The graph
 * shows neither the worker's pseudonym nor the ID number.
 */
@ObjectType({ description: '培训推荐 — the county referred a worker of its region to an institution (or one class); its enrolment of that worker is then confirmed at once.' })
@Entity({ tableName: 'training_referral' })
@Index({ properties: ['workerId', 'institutionId'] })
export class TrainingReferral {
  [OptionalProps]?: 'classId' | 'enrolmentId' | 'issuedAt' | 'note' | 'used';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 32 })
  workerId: string;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  idNumber: string;

  @Property({ type: 'integer' })
  institutionId: number;

  /** One class of the institution, or empty: any of its classes. */
  @Property({ type: 'integer', nullable: true })
  classId: number | null = null;

  @Field(() => LocalDateScalar, { description: 'Last day the institution may enrol the worker on this referral.' })
  @Property({ type: 'date' })
  validUntil: string;

  @Field(() => String, { nullable: true, description: '推荐说明' })
  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  /** The county staff account that issued it. */
  @Property({ type: 'string', length: 128 })
  issuedBy: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  issuedAt: Date = new Date();

  /** The enrolment that used the referral up; empty while it is open. */
  @Property({ type: 'integer', nullable: true })
  enrolmentId: number | null = null;

  @Field(() => Boolean, { description: 'An enrolment was recorded on this referral.' })
  get used(): boolean {
    return this.enrolmentId !== null;
  }
}
