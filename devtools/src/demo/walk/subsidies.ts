/**
 * Subsidies of a labourer: one-off employment, travel fare, training living allowance, the
 * welfare-post allowance by quarter, entrepreneurship.
 */
import { dayFromYmd, dayOf, endOfMonth, isoOf, monthOf, yearOf } from '../calendar';
import type { DemoSubsidy, SubsidyKind } from '../model';
import type { Rng } from '../random';
import { SUBSIDY_SINCE } from '../tables';
import { type Walk, type Work, sortSmall } from './state';

const byPaid = (a: { paidOn: number }, b: { paidOn: number }) => a.paidOn - b.paidOn;

/** The labourer's subsidies, paid in date order. */
export function subsidies(walk: Walk, rng: Rng, w: Work, poor: boolean): void {
  const plan = walk.plan;
  const today = walk.today;
  const p = w.p;
  const t = w.transfer;
  const current = w.current;
  const due: { kind: SubsidyKind; amount: number; paidOn: number }[] = [];
  if (poor && current && rng.chance(0.72)) {
    const paid = Math.max(current.start, SUBSIDY_SINCE) + rng.range(30, 150);
    if (paid <= today) due.push({ kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paidOn: paid });
  }
  if (p.transfer && p.transfer.fareReimbursed) {
    const fare = p.transfer.cityCode === '4403' ? rng.range(420, 650) : rng.range(560, 900);
    due.push({ kind: 'TRAVEL_FARE', amount: fare, paidOn: Math.min(today, t!.start + rng.range(15, 60)) });
  }
  if (poor) {
    for (const e of p.enrolments) {
      if (plan.classKind[e.classId] !== 'MEDIUM_TERM' || e.status === 'ENROLLED' || e.attendanceDays === 0) continue;
      const paid = plan.classEnd[e.classId] + rng.range(10, 40);
      if (paid <= today) due.push({ kind: 'TRAINING_LIVING', amount: 50 * e.attendanceDays, paidOn: paid });
    }
  }
  if (p.welfarePost) welfarePayments(walk, p.welfarePost.startsOn, p.welfarePost.endsOn, w.welfareAnnual, due);
  if (poor && current && current.kind === 'SELF_EMPLOYED' && rng.chance(0.3)) {
    const paid = current.start + rng.range(60, 240);
    if (paid <= today) due.push({ kind: 'ENTREPRENEURSHIP', amount: rng.pick([3000, 5000, 5000, 10000]), paidOn: paid });
  }
  sortSmall(due, byPaid);
  for (const s of due) p.subsidies.push({ id: walk.next.subsidy++, kind: s.kind, amount: s.amount, paidOn: isoOf(s.paidOn) } satisfies DemoSubsidy);
}

function welfarePayments(walk: Walk, startsOn: string, endsOn: string | null, annual: number, out: { kind: SubsidyKind; amount: number; paidOn: number }[]): void {
  const today = walk.today;
  const start = dayOf(startsOn);
  const end = endsOn === null ? today : dayOf(endsOn);
  // quarterly, for the quarters of the last year: paid on the 10th of the following month
  let y = yearOf(today);
  let q = Math.floor((monthOf(today) - 1) / 3); // current quarter (not yet paid)
  for (let k = 0; k < 4; k++) {
    q--;
    if (q < 0) {
      q = 3;
      y--;
    }
    const qStart = dayFromYmd(y, q * 3 + 1, 1);
    const qEnd = dayFromYmd(y, q * 3 + 4, 0);
    if (qEnd < start || qStart > end) continue;
    let months = 0;
    for (let m = 0; m < 3; m++) {
      const mStart = dayFromYmd(y, q * 3 + 1 + m, 1);
      const mEnd = endOfMonth(mStart);
      if (mEnd >= start && mStart <= end) months++;
    }
    const paid = dayFromYmd(y, q * 3 + 4, 10);
    if (months > 0 && paid <= today) out.push({ kind: 'WELFARE_POST_ALLOWANCE', amount: Math.round((annual * months) / 12), paidOn: paid });
  }
}
