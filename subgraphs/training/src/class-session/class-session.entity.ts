import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '课程表 — one session of a class: the day, the times and the topic.' })
@Entity({ tableName: 'class_session' })
@Index({ properties: ['classId', 'heldOn', 'startsAt'] })
export class ClassSession {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  classId: number;

  @Field(() => LocalDateScalar, { description: '上课日期' })
  @Property({ type: 'date' })
  heldOn: string;

  @Field(() => String, { description: 'Start time, HH:MM (China Standard Time).' })
  @Property({ type: 'string', length: 5 })
  startsAt: string;

  @Field(() => String, { description: 'End time, HH:MM, after the start.' })
  @Property({ type: 'string', length: 5 })
  endsAt: string;

  @Field(() => String, { description: '授课内容' })
  @Property({ type: 'string', length: 200 })
  topic: string;
}
