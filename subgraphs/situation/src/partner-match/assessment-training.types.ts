import { Field, Int, ObjectType } from 'type-graphql';

/**
 * 东西部协作资金培训: trainees of the classes a partner city funded (training's class funder,
 * PARTNER_CITY with the city's code) that began in the year, county-confirmed enrolments only,
 * from the read model. Each count of 1 … threshold−1 is published as null (suppressed: true).
 */
@ObjectType('PartnerFundedTraining', { description: '协作资金培训 — trainees of the classes the partner city funded that began in the year (small counts suppressed).' })
export class PartnerFundedTraining {
  @Field(() => Int, { nullable: true, description: '参训人数 — confirmed enrolments in the funded classes, dropouts included (null: suppressed).' })
  enrolled: number | null;

  @Field(() => Int, { nullable: true, description: '结业人数 — of those, completed (null: suppressed).' })
  completed: number | null;

  @Field(() => Int, { nullable: true, description: '结业后3个月内就业 — of those completed, employed on or before completion + 3 months (null: suppressed).' })
  employedWithin3Months: number | null;

  @Field(() => Boolean, { description: 'Whether a count above was withheld.' })
  suppressed: boolean;
}
