import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, updateInputDescription } from '@jiuye/common';
import { ClassFunder } from './training-class.entity';

@InputType({ description: '开班 — a class of a course (institution staff: of their own courses).' })
export class CreateTrainingClassInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => LocalDateScalar, { description: '开班日期; at most a year ahead.' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '结业日期 (inclusive); a class lasts at most 366 days.' })
  endsOn: string;

  @Field(() => Int, { description: '班额, 1 to 200.' })
  capacity: number;

  @Field(() => String, { description: '培训地点, 2 to 200 characters.' })
  location: string;

  @Field(() => String, { description: '授课教师, 2 to 50 characters.' })
  teacher: string;

  @Field(() => ClassFunder, { nullable: true, description: '资金来源; PARTNER_CITY needs funderCityCode.' })
  funder?: ClassFunder | null;

  @Field(() => String, { nullable: true, description: 'PARTNER_CITY only: the partner city’s 4-digit code (a partner city of the platform).' })
  funderCityCode?: string | null;
}

@InputType({ description: updateInputDescription('Change an open class: the fields given are replaced, the others kept.', ['funder (and its city)', 'funderCityCode']) })
export class UpdateTrainingClassInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only before the class has begun.' })
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Not below the places already taken.' })
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  teacher?: string | null;

  @Field(() => ClassFunder, { nullable: true, description: '资金来源; given, it replaces the funder and its city (funderCityCode for PARTNER_CITY only).' })
  funder?: ClassFunder | null;

  @Field(() => String, { nullable: true, description: 'PARTNER_CITY only: the partner city’s 4-digit code; with funder, or alone for a class already funded by a partner city.' })
  funderCityCode?: string | null;
}

@InputType({ description: '结班 — close a class that has ended, once every trainee has completed or dropped.' })
export class CloseTrainingClassInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'From the last class day to today.' })
  closedOn: string;

  @Field(() => String, { nullable: true, description: 'A note, up to 200 characters.' })
  note?: string | null;
}

@InputType({ description: '取消 — cancel a class: its trainees still enrolled are dropped with the reason; not once a trainee completed.' })
export class CancelTrainingClassInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Why, 2 to 150 characters (it becomes the dropped trainees’ reason, 班级取消：…).' })
  reason: string;
}
