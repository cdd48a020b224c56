/**
 * Transfers to a partner city (劳务协作): the plan, then the follow-up visits and contact attempts.
 */
import { birthdayAt, isoOf, timestampOf } from '../calendar';
import type { ContactChannel, ContactOutcome, DemoContactAttempt, DemoFollowUp } from '../model';
import { type Rng, roundTo } from '../random';
import { HARD_TO_REACH, CONTACT_NOTES, FOLLOW_UP_NOTES, RIGHTS_NOTES } from '../tables';
import { type Walk, type Work, type TransferPlan, sortSmall } from './state';

function noteFor(rng: Rng, outcome: ContactOutcome): string | null {
  const notes = CONTACT_NOTES[outcome];
  return notes && rng.chance(0.7) ? rng.pick(notes) : null;
}

export function planTransfer(walk: Walk, rng: Rng, w: Work): TransferPlan | null {
  const plan = walk.plan;
  const batches = plan.batchDay.length - 1;
  for (let attempt = 0; attempt < 4; attempt++) {
    const batch = 1 + rng.int(batches);
    const departed = plan.batchDay[batch];
    if (birthdayAt(w.s.birth, 18) > departed) continue;
    const postings = plan.batchPostings[batch];
    const posting = postings[rng.int(postings.length)];
    const start = Math.min(walk.today, departed + rng.range(1, 3));
    let retained = rng.chance(0.87);
    let left = -1;
    if (!retained) {
      left = start + rng.range(30, 420);
      if (left >= walk.today - 7) retained = true;
    }
    const wage = roundTo(plan.reference.partnerPostings[posting - 1].monthlyWage * rng.mid(0.9, 1.12), 10);
    return { batch, posting, start, retained, left, wage };
  }
  return null;
}

export function transferRecords(walk: Walk, rng: Rng, w: Work, poor: boolean): void {
  const plan = walk.plan;
  const today = walk.today;
  const t = w.transfer!;
  const p = w.p;
  const batch = plan.reference.transferBatches[t.batch - 1];
  const posting = plan.reference.partnerPostings[t.posting - 1];
  // people who move away often change numbers
  if (p.phoneValid && rng.chance(0.12)) p.phoneValid = false;
  const fare = poor && rng.chance(0.92) && t.start + 60 <= today;
  p.transfer = {
    id: walk.next.transfer++,
    batchId: t.batch,
    cityCode: batch.cityCode,
    employerName: posting.employerName,
    jobTitle: posting.title,
    startedOn: isoOf(t.start),
    fareReimbursed: fare,
  };
  const workingOn = (day: number) => t.retained || day < t.left;
  // follow-up visits every 3–4 months, the last six kept
  const visits: DemoFollowUp[] = [];
  let day = t.start + rng.range(20, 60);
  while (day <= today) {
    const still = workingOn(day);
    const years = (day - t.start) / 365;
    const rights = rng.chance(0.02);
    visits.push({
      id: 0,
      visitedOn: isoOf(day),
      stillEmployed: still,
      monthlyWage: still ? roundTo(t.wage * (1 + 0.03 * years), 10) : null,
      rightsCase: rights,
      note: rights ? rng.pick(RIGHTS_NOTES) : still ? (rng.chance(0.25) ? rng.pick(FOLLOW_UP_NOTES) : null) : rng.pick(['已离职返乡', '已离职，另谋他职', '已离职，去向不明']),
    });
    if (!still) break;
    day += rng.range(80, 130);
  }
  for (const visit of visits.slice(-6)) {
    visit.id = walk.next.followUp++;
    p.followUps.push(visit);
  }
  // contact attempts
  const n = 1 + rng.int(3) + (p.phoneValid ? 0 : 1);
  const span = Math.max(1, today - t.start - 20);
  const days: number[] = [];
  for (let k = 0; k < n; k++) days.push(t.start + 20 + rng.int(span));
  sortSmall(days, (a, b) => a - b);
  let previousDay = -1;
  let previousMinute = 0;
  for (let k = 0; k < n; k++) {
    const d = Math.min(today, days[k]);
    let minute = rng.range(9 * 60, 18 * 60 - 1);
    if (d === previousDay) minute = Math.min(23 * 60 + 59, Math.max(minute, previousMinute + rng.range(5, 90)));
    previousDay = d;
    previousMinute = minute;
    let outcome: ContactOutcome;
    let channel: ContactChannel = rng.chance(0.2) ? 'WECHAT' : 'PHONE';
    if (p.phoneValid) {
      const r = rng.next();
      outcome = workingOn(d) ? (r < 0.85 ? 'REACHED_WORKING' : r < 0.96 ? 'NO_ANSWER' : 'REFUSED') : r < 0.75 ? 'REACHED_NOT_WORKING' : r < 0.85 ? 'NOT_IN_CITY' : 'NO_ANSWER';
    } else if (k < n - 1) {
      outcome = 'INVALID_NUMBER';
      channel = 'PHONE';
    } else {
      outcome = HARD_TO_REACH.pick(rng);
      if (outcome === 'REACHED_WORKING') {
        channel = rng.chance(0.6) ? 'VISIT' : 'WECHAT';
        if (!workingOn(d)) outcome = 'REACHED_NOT_WORKING';
      } else channel = 'PHONE';
    }
    p.contactAttempts.push({
      id: walk.next.contact++,
      attemptedAt: timestampOf(d, minute),
      channel,
      outcome,
      note: outcome === 'REACHED_WORKING' ? (rng.chance(0.3) ? '在岗，工作稳定' : null) : noteFor(rng, outcome),
    } satisfies DemoContactAttempt);
  }
}
