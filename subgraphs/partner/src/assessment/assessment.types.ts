import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { ContactOutcome } from '../contact-attempt/contact-attempt.entity';

/**
 * Every count here is an aggregate with small-cell suppression (common/src/suppression.ts): a
 * count of 1 … threshold−1 is published as null (suppressed: true); 0 is published. No total is
 * published beside a breakdown, so no hidden cell can be solved from the others.
 */
@ObjectType({ description: '稳岗 N 个月 — of the transfers that started at least N months ago, how many the worker still held N months after the first working day.' })
export class RetentionAt {
  @Field(() => Int, { description: 'Months after the first working day (3, 6 or 12).' })
  months: number;

  @Field(() => Int, { nullable: true, description: 'Transfers of the year whose N months have passed (null: suppressed).' })
  due: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, the worker had not left the job N months in (null: suppressed).' })
  retained: number | null;

  @Field(() => Float, { nullable: true, description: 'retained / due (0–1); empty when nothing is due or a count is suppressed.' })
  rate: number | null;
}

@ObjectType({ description: '跟踪回访覆盖 — the open transfers of the year and how many are followed up on time.' })
export class FollowUpCoverage {
  @Field(() => Int, { nullable: true, description: 'Transfers of the year the worker still holds today (null: suppressed).' })
  open: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, visited at least once (null: suppressed).' })
  visited: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, not overdue: the next visit is due after today (followUpDue false) (null: suppressed).' })
  onTime: number | null;

  @Field(() => Float, { nullable: true, description: 'onTime / open (0–1); empty when nothing is open or a count is suppressed.' })
  rate: number | null;
}

@ObjectType({ description: '联系结果 — contact attempts of the year on the city’s transfers with this outcome.' })
export class ContactOutcomeCount {
  @Field(() => ContactOutcome)
  outcome: ContactOutcome;

  @Field(() => Int, { nullable: true, description: 'Attempts (null: suppressed).' })
  attempts: number | null;
}

@ObjectType({
  description:
    '协作城市考核 — a partner city’s own assessment figures for a year: transfers (county-confirmed, first working day in the year), retention at 3/6/12 months, ' +
    'follow-up coverage and contact outcomes. Region staff read the workers of their region only. Training the city funded is not included: the training ' +
    'records name no funder. Of whom registered poor (registeredPoor) comes from the situation read model, which knows the poverty office’s records.',
})
// The situation read model adds registeredPoor (poverty status is not held here).
@Directive('@key(fields: "cityCode year", resolvable: false)')
export class PartnerAssessment {
  @Field(() => String, { description: '4-digit city code.' })
  cityCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: '转移就业人数 — confirmed transfers whose first working day lies in the year (null: suppressed).' })
  transfers: number | null;

  @Field(() => Int, { nullable: true, description: '自发外出 — of those, recorded without a batch (null: suppressed).' })
  selfOrganised: number | null;

  @Field(() => [RetentionAt], { description: '稳岗 at 3, 6 and 12 months.' })
  retention: RetentionAt[];

  @Field(() => FollowUpCoverage)
  followUp: FollowUpCoverage;

  @Field(() => [ContactOutcomeCount], { description: 'Every outcome, in vocabulary order.' })
  contactOutcomes: ContactOutcomeCount[];

  @Field(() => Boolean, { description: 'true when any count above is withheld (small-cell suppression).' })
  suppressed: boolean;
}
