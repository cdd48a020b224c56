import { primarySuppressed } from '@jiuye/common';
import type { Sql } from '../db';
import type { PartnerAssessment } from './assessment-poor.types';
import type { PartnerFundedTraining } from './assessment-training.types';

export interface FundedTrainingCounts {
  enrolled: number;
  completed: number;
  employedWithin3Months: number;
}

/**
 * Confirmed enrolments in classes the city funded whose first day lies in the year; $4 the region
 * prefix ('' for all). Employed within 3 months as the indicators count it (employed_on on or
 * before completed_on + 3 months).
 */
export async function fundedTrainingCounts(sql: Sql, assessment: PartnerAssessment, region: string): Promise<FundedTrainingCounts> {
  const row = await sql.one<FundedTrainingCounts>(
    `select count(*)::int as enrolled,
            count(*) filter (where e.status = 'COMPLETED')::int as completed,
            count(*) filter (where e.status = 'COMPLETED' and e.employed_on is not null
                               and e.employed_on <= (e.completed_on + interval '3 months')::date)::int as "employedWithin3Months"
       from training_enrolment e
      where e.funder = 'PARTNER_CITY' and e.funder_city_code = $1 and e.class_starts_on between $2::date and $3::date and e.village_code like $4 || '%'`,
    [assessment.cityCode, `${assessment.year}-01-01`, `${assessment.year}-12-31`, region],
  );
  return row ?? { enrolled: 0, completed: 0, employedWithin3Months: 0 };
}

/** Small-cell suppression of each count (1 … threshold−1 → null), as the rest of the assessment. */
export function suppressFundedTraining(counts: FundedTrainingCounts, threshold: number): PartnerFundedTraining {
  let suppressed = false;
  const publish = (value: number): number | null => {
    if (!primarySuppressed(value, threshold)) return value;
    suppressed = true;
    return null;
  };
  return { enrolled: publish(counts.enrolled), completed: publish(counts.completed), employedWithin3Months: publish(counts.employedWithin3Months), suppressed };
}
