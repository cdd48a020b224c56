import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, Education, EmploymentPlace, LocalDateScalar, Trade } from '@jiuye/common';

export const PostingCloseReasonVocabulary = defineVocabulary('PostingCloseReason', '岗位关闭原因 — why a job posting closed', {
  FILLED: '已招满',
  WITHDRAWN: '已撤回',
  EXPIRED: '已过期',
});
export const PostingCloseReason = PostingCloseReasonVocabulary.enumObject;
export type PostingCloseReason = keyof typeof PostingCloseReason;

@ObjectType({ description: '招聘岗位 — a job posting: threshold, skills, wage range, place and headcount.' })
@Entity({ tableName: 'job_posting' })
@Index({ properties: ['openUntil', 'openFrom'] })
@Check({ name: 'job_posting_wage_range', expression: 'monthly_wage_min <= monthly_wage_max' })
export class JobPosting {
  [OptionalProps]?: 'requiredTrade' | 'minEducation' | 'closedOn' | 'closeReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  employerId: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  title: string;

  @Field(() => Trade, { nullable: true, description: 'Trade certificate required; empty = low threshold (低门槛), anyone may apply.' })
  @Enum({ items: () => Trade, nullable: true })
  @Index()
  requiredTrade: Trade | null = null;

  @Field(() => Education, { nullable: true, description: 'Lowest education accepted, if any.' })
  @Enum({ items: () => Education, nullable: true })
  minEducation: Education | null = null;

  @Field(() => String, { description: '招聘门槛 — threshold (age, health, experience…).' })
  @Property({ type: 'string', length: 200 })
  threshold: string;

  @Field(() => String, { description: '技能要求 — skills asked for.' })
  @Property({ type: 'string', length: 500 })
  skills: string;

  @Field(() => Int, { description: 'Monthly wage from, in yuan.' })
  @Property({ type: 'integer' })
  monthlyWageMin: number;

  @Field(() => Int, { description: 'Monthly wage up to, in yuan.' })
  @Property({ type: 'integer' })
  monthlyWageMax: number;

  @Field(() => EmploymentPlace, { description: 'Where the job is, seen from the county.' })
  @Enum({ items: () => EmploymentPlace })
  @Index()
  place: EmploymentPlace;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  location: string;

  @Field(() => Int, { description: 'People wanted (招聘人数).' })
  @Property({ type: 'integer' })
  headcount: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  openFrom: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  openUntil: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it closed (filled, withdrawn or expired); from then on it takes nobody.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => PostingCloseReason, { nullable: true })
  @Enum({ items: () => PostingCloseReason, nullable: true })
  closeReason: PostingCloseReason | null = null;

  /** Open on a day: within its valid period and not closed by then. */
  openOn(day: string): boolean {
    return this.openFrom <= day && this.openUntil >= day && (this.closedOn === null || this.closedOn > day);
  }
}
