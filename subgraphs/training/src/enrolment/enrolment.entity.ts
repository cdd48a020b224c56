import { Entity, Enum, Formula, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LinkConfirmation, LocalDateScalar, todayInChina } from '@jiuye/common';
import { addMonths } from '@jiuye/common';

export const EnrolmentStatusVocabulary = defineVocabulary('EnrolmentStatus', '学员状态 — where a trainee stands in a class', {
  ENROLLED: '在训',
  COMPLETED: '结业',
  DROPPED: '退学',
});
export const EnrolmentStatus = EnrolmentStatusVocabulary.enumObject;
export type EnrolmentStatus = keyof typeof EnrolmentStatus;
export const ENROLMENT_STATUS_LABELS = EnrolmentStatusVocabulary.labels;

/** Share of the class days a trainee must attend to complete (结业). */
export const COMPLETION_ATTENDANCE_PERCENT = 80;
/** The medium-term training indicator: employed within this many months after completion. */
export const EMPLOYMENT_WINDOW_MONTHS = 3;

@ObjectType({ description: '培训学员 — one worker enrolled in one training class.' })
@Entity({ tableName: 'enrolment' })
@Unique({ properties: ['classId', 'workerId'] })
export class Enrolment {
  [OptionalProps]?:
    | 'attendanceDays'
    | 'status'
    | 'completedOn'
    | 'employedOn'
    | 'dropReason'
    | 'recordedAt'
    | 'employedWithinThreeMonths'
    | 'institutionId'
    | 'confirmation'
    | 'decidedBy'
    | 'decidedAt'
    | 'decisionNote';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  /** Served by the unique (class_id, worker_id) index. */
  @Property({ type: 'integer' })
  classId: number;

  @Property({ type: 'string', length: 32 })
  @Index()
  workerId: string;

  /**
   * The institution whose course the class belongs to, read in the same statement as the row
   * (two primary-key lookups): who may see the enrolment (access.ts). Not a column, never in the graph.
   */
  @Formula((alias) => `(select c.institution_id from training_class tc join course c on c.id = tc.course_id where tc.id = ${alias}.class_id)`, { type: 'integer', nullable: true })
  institutionId?: number | null;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  @Index()
  idNumber: string;

  @Field(() => LocalDateScalar, { description: '报名日期' })
  @Property({ type: 'date' })
  enrolledOn: string;

  @Field(() => Int, { description: 'Days attended so far (出勤天数).' })
  @Property({ type: 'integer' })
  attendanceDays: number = 0;

  @Field(() => EnrolmentStatus)
  @Enum({ items: () => EnrolmentStatus })
  @Index()
  status: EnrolmentStatus = EnrolmentStatus.ENROLLED;

  @Field(() => LocalDateScalar, { nullable: true, description: '结业日期; empty until completed.' })
  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of the first job after the training (培训后就业).' })
  @Property({ type: 'date', nullable: true })
  employedOn: string | null = null;

  @Field(() => String, { nullable: true, description: '退学原因; empty unless dropped.' })
  @Property({ type: 'string', length: 200, nullable: true })
  dropReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  /**
   * Whether the county stands behind the enrolment (hole 7): an institution's enrolment of a
   * worker it could not see yet is PENDING until county staff of the worker's region confirm it;
   * only CONFIRMED enrolments make the worker the institution's trainee (access.ts).
   */
  @Field(() => LinkConfirmation, { description: "核实状态: PENDING until county staff of the worker's region confirm an enrolment an institution recorded on its own." })
  @Enum({ items: () => LinkConfirmation })
  @Index()
  confirmation: LinkConfirmation = LinkConfirmation.PENDING;

  /** The county staff account that confirmed or rejected the enrolment; empty for the county's own records. */
  @Property({ type: 'string', length: 128, nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "核实说明 — the county's reason for rejecting, or its note on confirming." })
  @Property({ type: 'string', length: 200, nullable: true })
  decisionNote: string | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '培训后3个月内就业: empty until completed; true once employed on or before completion + 3 months; ' +
      'false once 3 months passed without such a job; empty while still inside the window.',
  })
  get employedWithinThreeMonths(): boolean | null {
    return employedWithinThreeMonths(this, todayInChina());
  }
}

/** Last day a job still counts for the three-month indicator. */
export function employmentDeadline(completedOn: string): string {
  return addMonths(completedOn, EMPLOYMENT_WINDOW_MONTHS);
}

/**
 * The medium-term training indicator for one trainee on `today`: null until completed; true if
 * the first job began no later than completion + 3 months; false if it began later, or if the
 * window has passed with no job; null while the window is still open.
 */
export function employedWithinThreeMonths(enrolment: Pick<Enrolment, 'status' | 'completedOn' | 'employedOn'>, today: string): boolean | null {
  if (enrolment.status !== EnrolmentStatus.COMPLETED || enrolment.completedOn === null) return null;
  const deadline = employmentDeadline(enrolment.completedOn);
  if (enrolment.employedOn !== null) return enrolment.employedOn <= deadline;
  return today > deadline ? false : null;
}

/** Whether attendance reaches the 80 % completion threshold (integer arithmetic, no rounding). */
export function attendanceSuffices(attendanceDays: number, lengthDays: number): boolean {
  return attendanceDays * 100 >= lengthDays * COMPLETION_ATTENDANCE_PERCENT;
}

/** Fewest days that reach the completion threshold. */
export function daysNeededToComplete(lengthDays: number): number {
  return Math.ceil((lengthDays * COMPLETION_ATTENDANCE_PERCENT) / 100);
}
