import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, Trade } from '@jiuye/common';

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
}
