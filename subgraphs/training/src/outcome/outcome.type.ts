import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    '培训成效 — the training indicators officials report: participants, completions and employment within ' + "3 months of completion (Baoji's medium-term target: above 65 %).",
})
export class TrainingOutcomes {
  @Field(() => Int, { nullable: true, description: '参训人数 — enrolments (completed, in training or dropped).' })
  participants: number | null;

  @Field(() => Int, { nullable: true, description: '结业人数 — completed enrolments.' })
  completions: number | null;

  @Field(() => Int, { nullable: true, description: '3个月内就业人数 — completions whose first job began no later than completion + 3 months.' })
  employedWithinThreeMonths: number | null;

  @Field(() => Int, { nullable: true, description: 'Completions still inside their 3-month window with no job yet: not yet counted either way.' })
  awaitingOutcome: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '就业率 — employedWithinThreeMonths ÷ (completions − awaitingOutcome), 0 to 1: among completions whose outcome is known. ' + 'Empty when no outcome is known yet.',
  })
  employmentRate: number | null;

  @Field(() => Boolean, {
    description:
      'true when a count is withheld (dashboards only): a count from 1 to SUPPRESSION_THRESHOLD − 1, or one hidden so that no suppressed count can be recovered by subtraction (null; the rate too).',
  })
  suppressed: boolean;
}
