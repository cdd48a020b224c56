import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, primarySuppressed, todayInChina } from '@jiuye/common';
import { CONTACT_OUTCOMES, type ContactOutcome } from '../contact-attempt/contact-attempt.entity';
import { followUpDueOn } from '../follow-up/follow-up.rhythm';
import { startOfChinaDay } from '../validation';
import type { PartnerAssessment, RetentionAt } from './assessment.types';

export const RETENTION_MONTHS = [3, 6, 12] as const;

interface TransferRow {
  worker_id: string;
  self_organised: boolean;
  started_on: string;
  ended_on: string | null;
  last_visited_on: string | null;
}

/** The raw counts, before suppression: what the figures are made of (tested on their own). */
export interface AssessmentCounts {
  transfers: number;
  selfOrganised: number;
  retention: { months: number; due: number; retained: number }[];
  followUp: { open: number; visited: number; onTime: number };
  contactOutcomes: Map<ContactOutcome, number>;
}

/** Counts from the rows of one city and year, as of `today`. */
export function countAssessment(transfers: TransferRow[], attempts: { outcome: ContactOutcome }[], today: string): AssessmentCounts {
  const retention = RETENTION_MONTHS.map((months) => {
    let due = 0;
    let retained = 0;
    for (const t of transfers) {
      const mark = addMonths(t.started_on, months);
      if (mark > today) continue;
      due++;
      if (t.ended_on === null || t.ended_on >= mark) retained++;
    }
    return { months, due, retained };
  });
  const open = transfers.filter((t) => t.ended_on === null);
  const onTime = open.filter((t) => followUpDueOn({ startedOn: t.started_on, endedOn: null }, t.last_visited_on)! > today).length;
  const outcomes = new Map<ContactOutcome, number>(CONTACT_OUTCOMES.map((o) => [o, 0]));
  for (const a of attempts) outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
  return {
    transfers: transfers.length,
    selfOrganised: transfers.filter((t) => t.self_organised).length,
    retention,
    followUp: { open: open.length, visited: open.filter((t) => t.last_visited_on !== null).length, onTime },
    contactOutcomes: outcomes,
  };
}

/** Small-cell suppression of every count (1 … threshold−1 → null); a rate only from published counts. */
export function suppressAssessment(cityCode: string, year: number, counts: AssessmentCounts, threshold: number): PartnerAssessment {
  let suppressed = false;
  const publish = (value: number): number | null => {
    if (primarySuppressed(value, threshold)) {
      suppressed = true;
      return null;
    }
    return value;
  };
  const rate = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : part / whole);
  const retention: RetentionAt[] = counts.retention.map((r) => {
    const due = publish(r.due);
    const retained = publish(r.retained);
    return { months: r.months, due, retained, rate: rate(retained, due) };
  });
  const open = publish(counts.followUp.open);
  const onTime = publish(counts.followUp.onTime);
  const figures = {
    cityCode,
    year,
    transfers: publish(counts.transfers),
    selfOrganised: publish(counts.selfOrganised),
    retention,
    followUp: { open, visited: publish(counts.followUp.visited), onTime, rate: rate(onTime, open) },
    contactOutcomes: [...counts.contactOutcomes].map(([outcome, attempts]) => ({ outcome, attempts: publish(attempts) })),
  };
  return { ...figures, suppressed };
}

/**
 * The rows of one city's year: its county-confirmed transfers whose first working day lies in
 * the year, each with its last visit, and the contact attempts made in the year (China time) on
 * the city's transfers. `residents`, when given, keeps the workers of the caller's region only.
 */
export async function assessmentRows(
  em: EntityManager,
  cityCode: string,
  year: number,
  residents: ((ids: string[]) => Promise<Set<string>>) | null,
): Promise<{ transfers: TransferRow[]; attempts: { outcome: ContactOutcome }[] }> {
  const connection = em.getConnection();
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const transfers = await connection.execute<TransferRow[]>(
    `select t.worker_id, t.batch_id is null as self_organised, t.started_on::text as started_on, t.ended_on::text as ended_on,
            (select max(f.visited_on) from follow_up_visit f where f.transfer_id = t.id)::text as last_visited_on
       from transfer t
      where t.city_code = ? and t.confirmation = 'CONFIRMED' and t.started_on between ?::date and ?::date`,
    [cityCode, from, to],
  );
  const attempts = await connection.execute<{ worker_id: string; outcome: ContactOutcome }[]>(
    `select a.worker_id, a.outcome from contact_attempt a join transfer t on t.id = a.transfer_id
      where t.city_code = ? and t.confirmation = 'CONFIRMED' and a.attempted_at >= ? and a.attempted_at < ?`,
    [cityCode, startOfChinaDay(from), startOfChinaDay(`${year + 1}-01-01`)],
  );
  if (!residents) return { transfers, attempts };
  const inRegion = await residents([...new Set([...transfers, ...attempts].map((r) => r.worker_id))]);
  return { transfers: transfers.filter((t) => inRegion.has(t.worker_id)), attempts: attempts.filter((a) => inRegion.has(a.worker_id)) };
}

export async function partnerAssessment(
  em: EntityManager,
  cityCode: string,
  year: number,
  residents: ((ids: string[]) => Promise<Set<string>>) | null,
  threshold: number,
  today = todayInChina(),
): Promise<PartnerAssessment> {
  const rows = await assessmentRows(em, cityCode, year, residents);
  return suppressAssessment(cityCode, year, countAssessment(rows.transfers, rows.attempts, today), threshold);
}
