import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Trade } from '@jiuye/common';

export const COURSE_KIND_LABELS = {
  SHORT_PRACTICAL: '短期实用技术',
  MEDIUM_TERM: '中长期（约3个月）',
  ORDER_BASED: '订单式',
  DIRECTED: '定向定岗',
  PRE_JOB: '岗前培训',
  ENTREPRENEURSHIP: '创业培训',
} as const;
export type CourseKind = keyof typeof COURSE_KIND_LABELS;
export const CourseKind = {
  SHORT_PRACTICAL: 'SHORT_PRACTICAL',
  MEDIUM_TERM: 'MEDIUM_TERM',
  ORDER_BASED: 'ORDER_BASED',
  DIRECTED: 'DIRECTED',
  PRE_JOB: 'PRE_JOB',
  ENTREPRENEURSHIP: 'ENTREPRENEURSHIP',
} as const;
registerEnumType(CourseKind, {
  name: 'CourseKind',
  description: '培训类型 — kind of course; MEDIUM_TERM (about 3 months) carries the employment-within-3-months indicator',
  valuesConfig: {
    SHORT_PRACTICAL: { description: COURSE_KIND_LABELS.SHORT_PRACTICAL },
    MEDIUM_TERM: { description: COURSE_KIND_LABELS.MEDIUM_TERM },
    ORDER_BASED: { description: COURSE_KIND_LABELS.ORDER_BASED },
    DIRECTED: { description: COURSE_KIND_LABELS.DIRECTED },
    PRE_JOB: { description: COURSE_KIND_LABELS.PRE_JOB },
    ENTREPRENEURSHIP: { description: COURSE_KIND_LABELS.ENTREPRENEURSHIP },
  },
});

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
