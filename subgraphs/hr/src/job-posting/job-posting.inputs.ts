import { Field, ID, InputType, Int } from 'type-graphql';
import { Education, EmploymentPlace, LocalDateScalar, Trade, updateInputDescription } from '@jiuye/common';
import { PostingCloseReason } from './job-posting.entity';

@InputType({ description: '发布招聘岗位 — a job posting of an operating employer of your region.' })
export class CreateJobPostingInput {
  @Field(() => ID)
  employerId: string;

  @Field(() => String, { description: '2 to 100 characters.' })
  title: string;

  @Field(() => Trade, { nullable: true, description: 'Trade certificate required; left out = low threshold (低门槛).' })
  requiredTrade?: Trade | null;

  @Field(() => Education, { nullable: true })
  minEducation?: Education | null;

  @Field(() => String, { description: '招聘门槛 — requirements (age, health, experience…), 2 to 200 characters.' })
  threshold: string;

  @Field(() => String, { description: '技能要求, 2 to 500 characters.' })
  skills: string;

  @Field(() => Int, { description: 'Yuan per month, 500 to 100,000.' })
  monthlyWageMin: number;

  @Field(() => Int, { description: 'Yuan per month, not below the minimum.' })
  monthlyWageMax: number;

  @Field(() => EmploymentPlace)
  place: EmploymentPlace;

  @Field(() => String, { description: '工作地点, 2 to 100 characters.' })
  location: string;

  @Field(() => Int, { description: '招聘人数, 1 to 10,000.' })
  headcount: number;

  @Field(() => LocalDateScalar)
  openFrom: string;

  @Field(() => LocalDateScalar, { description: 'Not before openFrom nor today, at most a year after openFrom.' })
  openUntil: string;
}

@InputType({ description: updateInputDescription('Change an open posting.', ['requiredTrade (低门槛)', 'minEducation']) })
export class UpdateJobPostingInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Trade, { nullable: true })
  requiredTrade?: Trade | null;

  @Field(() => Education, { nullable: true })
  minEducation?: Education | null;

  @Field(() => String, { nullable: true })
  threshold?: string | null;

  @Field(() => String, { nullable: true })
  skills?: string | null;

  @Field(() => Int, { nullable: true })
  monthlyWageMin?: number | null;

  @Field(() => Int, { nullable: true })
  monthlyWageMax?: number | null;

  @Field(() => EmploymentPlace, { nullable: true })
  place?: EmploymentPlace | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => Int, { nullable: true, description: 'Not below the intentions already reached for it.' })
  headcount?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Extend or shorten the valid period.' })
  openUntil?: string | null;
}

@InputType({ description: 'Close a posting: filled (已招满), withdrawn (已撤回) or expired (已过期, only after its valid period).' })
export class CloseJobPostingInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Not after today, not before it opened.' })
  closedOn: string;

  @Field(() => PostingCloseReason)
  reason: PostingCloseReason;
}
