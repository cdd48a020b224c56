import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { daysBetween } from '@jiuye/common';

@ObjectType('TrainingClass', { description: '培训班 — one run of a course, with dates, places and a location.' })
@Entity({ tableName: 'training_class' })
@Index({ properties: ['courseId', 'startsOn'] })
export class TrainingClass {
  [OptionalProps]?: 'lengthDays';

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

  @Field(() => Int, { description: 'Class days from start to end, both included: what attendance is measured against.' })
  get lengthDays(): number {
    return classLengthDays(this);
  }
}

/** Days of a class, both ends included. */
export function classLengthDays(trainingClass: Pick<TrainingClass, 'startsOn' | 'endsOn'>): number {
  return daysBetween(trainingClass.startsOn, trainingClass.endsOn) + 1;
}
