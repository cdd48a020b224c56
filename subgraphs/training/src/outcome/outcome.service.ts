import type { EntityManager } from '@mikro-orm/postgresql';
import { divisionCodeRange, InputProblems, RegionTree, SuppressedTable, todayInChina } from '@jiuye/common';
import { CourseKindVocabulary } from '../course/course.entity';
import type { CourseKind } from '../course/course.entity';
import { EMPLOYMENT_WINDOW_MONTHS, EnrolmentStatus } from '../enrolment/enrolment.entity';
import { throwIfInvalid } from '../ids';
import { parseRowId } from '@jiuye/common';
import type { TrainingOutcomes } from './outcome.type';

export interface OutcomeFilter {
  institutionId?: string | null;
  /** Institutions in this division (by code prefix). */
  divisionCode?: string | null;
  courseKind?: CourseKind | null;
  from?: string | null;
  to?: string | null;
}

/** Aggregates for dashboards: counts only, never a person. */
export class OutcomeService {
  constructor(private readonly em: EntityManager) {}

  /**
   * One SQL statement over enrolments of the matching classes. The three-month rule is the one
   * Enrolment.employedWithinThreeMonths applies (see enrolment.entity.ts), with PostgreSQL's
   * month arithmetic, which clamps to the end of the month exactly like addMonths.
   */
  async outcomes(filter: OutcomeFilter, today = todayInChina()): Promise<TrainingOutcomes> {
    const institutionId = filter.institutionId == null ? null : parseRowId(filter.institutionId);
    throwIfInvalid(
      new InputProblems()
        .check(filter.institutionId == null || institutionId !== null, 'institutionId', 'not an institution id')
        .check(!filter.from || !filter.to || filter.from <= filter.to, 'to', 'must not be before from'),
    );
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (institutionId !== null) {
      conditions.push('c.institution_id = ?');
      params.push(institutionId);
    }
    // Confirmed enrolments only: an institution's pending claim is not a trainee the county counts (hole 7).
    conditions.push(`e.confirmation = 'CONFIRMED'`);
    if (filter.divisionCode) {
      const { from, to } = divisionCodeRange(filter.divisionCode);
      conditions.push('i.division_code >= ? and i.division_code < ?');
      params.push(from, to);
    }
    if (filter.courseKind) {
      conditions.push('c.kind = ?');
      params.push(filter.courseKind);
    }
    if (filter.from) {
      conditions.push('tc.starts_on >= ?::date');
      params.push(filter.from);
    }
    if (filter.to) {
      conditions.push('tc.starts_on <= ?::date');
      params.push(filter.to);
    }
    const deadline = `(e.completed_on + interval '${EMPLOYMENT_WINDOW_MONTHS} months')::date`;
    const completed = `e.status = '${EnrolmentStatus.COMPLETED}'`;
    const [row]: { participants: number; completions: number; employed: number; awaiting: number }[] = await this.em.getConnection().execute(
      `select count(*)::int as participants,
              count(*) filter (where ${completed})::int as completions,
              count(*) filter (where ${completed} and e.employed_on <= ${deadline})::int as employed,
              count(*) filter (where ${completed} and e.employed_on is null and ${deadline} >= ?::date)::int as awaiting
         from enrolment e
         join training_class tc on tc.id = e.class_id
         join course c on c.id = tc.course_id
         ${filter.divisionCode ? 'join institution i on i.id = c.institution_id' : ''}
        ${conditions.length ? `where ${conditions.join(' and ')}` : ''}`,
      [today, ...params],
    );
    const decided = row.completions - row.awaiting;
    return {
      participants: row.participants,
      completions: row.completions,
      employedWithinThreeMonths: row.employed,
      awaitingOutcome: row.awaiting,
      employmentRate: decided > 0 ? row.employed / decided : null,
      suppressed: false,
    };
  }

  /**
   * The outcomes for dashboards, small-cell suppressed (common/src/suppression.ts): every
   * institution's division and every course kind at once, so a region, its parts and the kinds
   * asked separately never differ by a suppressed cell. No institution or date window (either
   * would be one more way to take a total apart; the period figures are in the situation's
   * indicators, suppressed the same way).
   */
  async suppressedOutcomes(divisionCode: string, courseKind: CourseKind | null | undefined, threshold: number, today = todayInChina()): Promise<TrainingOutcomes> {
    const deadline = `(e.completed_on + interval '${EMPLOYMENT_WINDOW_MONTHS} months')::date`;
    const completed = `e.status = '${EnrolmentStatus.COMPLETED}'`;
    const rows: { division: string; kind: string; participants: number; completions: number; employed: number; awaiting: number }[] = await this.em.getConnection().execute(
      `select i.division_code as division, c.kind,
              count(*)::int as participants,
              count(*) filter (where ${completed})::int as completions,
              count(*) filter (where ${completed} and e.employed_on <= ${deadline})::int as employed,
              count(*) filter (where ${completed} and e.employed_on is null and ${deadline} >= ?::date)::int as awaiting
         from enrolment e
         join training_class tc on tc.id = e.class_id
         join course c on c.id = tc.course_id
         join institution i on i.id = c.institution_id
        group by 1, 2`,
      [today],
    );
    const kinds = CourseKindVocabulary.values as readonly string[];
    const measure = (column: 'participants' | 'completions' | 'employed' | 'awaiting') => {
      const units = new Map<string, Record<string, number>>();
      for (const row of rows) {
        const unit = units.get(row.division) ?? units.set(row.division, {}).get(row.division)!;
        unit[row.kind] = (unit[row.kind] ?? 0) + row[column];
      }
      return new SuppressedTable(new RegionTree(units.keys()), units, threshold, kinds).published(divisionCode, courseKind ?? undefined);
    };
    const [participants, completions, employed, awaiting] = [measure('participants'), measure('completions'), measure('employed'), measure('awaiting')];
    // The rate gives completions − awaiting away: published only when all three parts are.
    const decided = completions === null || awaiting === null ? null : completions - awaiting;
    const rateHidden = employed === null || decided === null;
    return {
      participants,
      completions,
      employedWithinThreeMonths: employed,
      awaitingOutcome: awaiting,
      employmentRate: rateHidden || !decided ? null : employed! / decided,
      suppressed: [participants, completions, employed, awaiting].some((v) => v === null),
    };
  }
}
