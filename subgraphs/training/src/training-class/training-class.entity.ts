import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar } from '@jiuye/common';
import { daysBetween } from '@jiuye/common';

export const ClassStatusVocabulary = defineVocabulary('ClassStatus', '班级状态 — where a class stands', {
  OPEN: '开班/招生中',
  CLOSED: '已结班',
  CANCELLED: '已取消',
});
export const ClassStatus = ClassStatusVocabulary.enumObject;
export type ClassStatus = keyof typeof ClassStatus;

export const ClassFunderVocabulary = defineVocabulary('ClassFunder', '资金来源 — who pays for a class', {
  LOCAL_FISCAL: '本地财政',
  PARTNER_CITY: '东西部协作资金（协作城市）',
  ENTERPRISE: '企业',
  OTHER: '其他',
});
export const ClassFunder = ClassFunderVocabulary.enumObject;
export type ClassFunder = keyof typeof ClassFunder;

@ObjectType('TrainingClass', { description: '培训班 — one run of a course, with dates, places and a location.' })
@Entity({ tableName: 'training_class' })
@Index({ properties: ['courseId', 'startsOn'] })
export class TrainingClass {
  [OptionalProps]?: 'lengthDays' | 'teacher' | 'status' | 'closedOn' | 'closeReason' | 'funder' | 'funderCityCode';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  /** Served by the (course_id, starts_on) index. */
  @Property({ type: 'integer' })
  courseId: number;

  @Field(() => LocalDateScalar, { description: 'First day of the class (开班日期).' })
  @Property({ type: 'date' })
  @Index()
  startsOn: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the class, inclusive (结业日期).' })
  @Property({ type: 'date' })
  endsOn: string;

  @Field(() => Int, { description: 'Places (班额): trainees enrolled or completed, dropouts not counted.' })
  @Property({ type: 'integer' })
  capacity: number;

  @Field(() => String, { description: '培训地点' })
  @Property({ type: 'string', length: 200 })
  location: string;

  @Field(() => String, { nullable: true, description: '授课教师 — the teacher (staff of the institution, not a trainee); empty on classes recorded before.' })
  @Property({ type: 'string', length: 50, nullable: true })
  teacher: string | null = null;

  @Field(() => ClassFunder, { nullable: true, description: '资金来源 — who funds the class; empty on classes recorded before.' })
  @Enum({ items: () => ClassFunder, nullable: true })
  funder: ClassFunder | null = null;

  @Field(() => String, { nullable: true, description: 'PARTNER_CITY: the funding partner city’s 4-digit code (东西部协作); empty otherwise.' })
  @Property({ type: 'string', length: 4, nullable: true })
  funderCityCode: string | null = null;

  @Field(() => ClassStatus, { description: 'OPEN until closed (结班: every trainee completed or dropped) or cancelled (取消: its trainees dropped).' })
  @Enum({ items: () => ClassStatus })
  @Index()
  status: ClassStatus = ClassStatus.OPEN;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was closed or cancelled.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled (or a note on closing).' })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;

  @Field(() => Int, { description: 'Class days from start to end, both included: what attendance is measured against.' })
  get lengthDays(): number {
    return classLengthDays(this);
  }
}

/** Days of a class, both ends included. */
export function classLengthDays(trainingClass: Pick<TrainingClass, 'startsOn' | 'endsOn'>): number {
  return daysBetween(trainingClass.startsOn, trainingClass.endsOn) + 1;
}
