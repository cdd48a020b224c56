import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, Trade, updateInputDescription } from '@jiuye/common';
import { SKILL_GRADE_DESCRIPTION } from '../certificate/certificate.entity';
import { CourseKind } from './course.entity';

@InputType({ description: '开设课程 — a course of an institution (institution staff: their own; county training staff: an institution of their region).' })
export class CreateCourseInput {
  @Field(() => ID, { nullable: true, description: 'The institution; institution staff: their own (the default).' })
  institutionId?: string | null;

  @Field(() => String, { description: '2 to 100 characters; unique among the institution’s open courses.' })
  name: string;

  @Field(() => Trade, { description: '工种 taught; fixed once the course exists (its certificates count by it).' })
  trade: Trade;

  @Field(() => CourseKind)
  kind: CourseKind;

  @Field(() => Int, { nullable: true, description: `Empty for a course without a grade. ${SKILL_GRADE_DESCRIPTION}` })
  level?: number | null;

  @Field(() => Int, { description: '学时, 1 to 2000.' })
  hours: number;

  @Field(() => Int, { description: '学制天数, 1 to 366.' })
  durationDays: number;

  @Field(() => Int, { description: '补贴标准 per trainee in yuan, 0 to 20000.' })
  subsidyPerTrainee: number;
}

@InputType({ description: updateInputDescription('Change an open course: the fields given are replaced, the others kept (the trade stays).', ['level (as clearLevel: true)']) })
export class UpdateCourseInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => CourseKind, { nullable: true })
  kind?: CourseKind | null;

  @Field(() => Int, { nullable: true })
  level?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the course has no grade any more.' })
  clearLevel?: boolean | null;

  @Field(() => Int, { nullable: true })
  hours?: number | null;

  @Field(() => Int, { nullable: true })
  durationDays?: number | null;

  @Field(() => Int, { nullable: true })
  subsidyPerTrainee?: number | null;
}

@InputType({ description: '停办 — no new classes of the course from closedOn; classes already planned run on.' })
export class CloseCourseInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  closedOn: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters.' })
  reason: string;
}
