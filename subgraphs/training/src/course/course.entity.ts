import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, Trade } from '@jiuye/common';
import { SKILL_GRADE_DESCRIPTION, SKILL_GRADE_LABELS } from '../certificate/certificate.entity';

export const CourseKindVocabulary = defineVocabulary('CourseKind', '培训类型 — kind of course; MEDIUM_TERM (about 3 months) carries the employment-within-3-months indicator', {
  SHORT_PRACTICAL: '短期实用技术',
  MEDIUM_TERM: '中长期（约3个月）',
  ORDER_BASED: '订单式',
  DIRECTED: '定向定岗',
  PRE_JOB: '岗前培训',
  ENTREPRENEURSHIP: '创业培训',
});
export const CourseKind = CourseKindVocabulary.enumObject;
export type CourseKind = keyof typeof CourseKind;
export const COURSE_KIND_LABELS = CourseKindVocabulary.labels;

@ObjectType({ description: '培训课程 — a course an institution offers, run as one or more classes.' })
@Entity({ tableName: 'course' })
export class Course {
  [OptionalProps]?: 'level' | 'hours' | 'subsidyPerTrainee' | 'closedOn' | 'closeReason' | 'levelLabel';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  institutionId: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => Trade, { description: '工种 taught' })
  @Enum({ items: () => Trade })
  @Index()
  trade: Trade;

  @Field(() => CourseKind)
  @Enum({ items: () => CourseKind })
  @Index()
  kind: CourseKind;

  @Field(() => Int, { description: 'Planned length in days (学制天数).' })
  @Property({ type: 'integer' })
  durationDays: number;

  @Field(() => Int, { nullable: true, description: `等级 — the grade the course trains for; empty for a course without one (专项能力). ${SKILL_GRADE_DESCRIPTION}` })
  @Property({ type: 'integer', nullable: true })
  level: number | null = null;

  @Field(() => String, { nullable: true, description: 'The grade as officials write it, e.g. 五级/初级工.' })
  get levelLabel(): string | null {
    return this.level === null ? null : (SKILL_GRADE_LABELS[this.level] ?? String(this.level));
  }

  @Field(() => Int, { nullable: true, description: '学时 — teaching hours.' })
  @Property({ type: 'integer', nullable: true })
  hours: number | null = null;

  @Field(() => Int, { nullable: true, description: '补贴标准 — training subsidy per trainee who completes, in yuan.' })
  @Property({ type: 'integer', nullable: true })
  subsidyPerTrainee: number | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: '停办 — no new classes from this day; its classes run on.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;
}
