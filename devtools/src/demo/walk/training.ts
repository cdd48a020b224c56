/**
 * Training: enrolments in classes (before a transfer, or on their own), skills and certificates.
 */
import { birthdayAt, dayOf, isoOf, yearOf } from '../calendar';
import type { DemoCertificate, DemoEnrolment, SkillGrade, SkillLevel, Trade } from '../model';
import { type Rng, pad } from '../random';
import { COUNTY, TRADE_WEIGHTS_FEMALE, TRADE_WEIGHTS_MALE } from '../reference';
import {
  SKILL_BY_EDUCATION,
  CERTIFIED_TRADES,
  CERTIFIED_BY_SKILL,
  GRADE_BY_SKILL,
  SKILL_OF_GRADE,
  higherSkill,
  COMPLETION,
  JOB_AFTER,
  CERTIFIED,
  PRE_DEPARTURE_KINDS,
  COURSE_KINDS_PICK,
} from '../tables';
import { type Walk, type Work, sortSmall } from './state';

const byIssued = (a: DemoCertificate, b: DemoCertificate) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.id - b.id);

/** A pre-departure course ending shortly before the transfer; the transfer is the job found. */
export function enrolBeforeTransfer(walk: Walk, rng: Rng, w: Work): void {
  const plan = walk.plan;
  const t = w.transfer!;
  const byEnd = plan.classesByEnd;
  let lo = 0;
  let hi = byEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (plan.classEnd[byEnd[mid]] < t.start - 75) lo = mid + 1;
    else hi = mid;
  }
  const candidates: number[] = [];
  for (let k = lo; k < byEnd.length && candidates.length < 40; k++) {
    const c = byEnd[k];
    if (plan.classEnd[c] > t.start - 2) break;
    if (walk.classLeft[c] > 0 && PRE_DEPARTURE_KINDS.has(plan.classKind[c]) && plan.classStart[c] >= w.turned16) candidates.push(c);
  }
  if (candidates.length === 0) return;
  const c = candidates[rng.int(candidates.length)];
  walk.classLeft[c]--;
  const duration = plan.classDuration[c];
  const attendance = duration - (rng.chance(0.6) ? 0 : rng.range(0, Math.ceil(duration * 0.08)));
  w.p.enrolments.push({
    id: walk.next.enrolment++,
    classId: c,
    enrolledOn: isoOf(Math.min(walk.today, plan.classStart[c] - rng.range(3, 20))),
    attendanceDays: attendance,
    status: 'COMPLETED',
    completedOn: isoOf(plan.classEnd[c]),
    employedOn: isoOf(t.start),
  });
  w.trainKind = plan.classKind[c];
  w.trainTrade = plan.classTrade[c];
}

/** A class of the list with a free place, starting in [notBefore, notAfter]; -1 if none. */
function findClass(walk: Walk, rng: Rng, list: number[] | undefined, notAfter: number, notBefore: number): number {
  if (!list || list.length === 0) return -1;
  const plan = walk.plan;
  const first = rng.int(list.length);
  for (let k = 0; k < list.length; k++) {
    const c = list[(first + k) % list.length];
    if (walk.classLeft[c] > 0 && plan.classStart[c] <= notAfter && plan.classStart[c] >= notBefore) return c;
  }
  return -1;
}

export function enrol(walk: Walk, rng: Rng, w: Work): void {
  const plan = walk.plan;
  const today = walk.today;
  const wish = w.p.trainingWish;
  const trades = w.s.male ? TRADE_WEIGHTS_MALE : TRADE_WEIGHTS_FEMALE;
  const kind = COURSE_KINDS_PICK.pick(rng);
  const trade: Trade = wish && rng.chance(0.75) ? wish : trades.pick(rng);
  const latest = today + 30;
  let c = kind === 'ENTREPRENEURSHIP' ? -1 : findClass(walk, rng, plan.classesByTradeKind.get(`${trade}|${kind}`), latest, w.turned16);
  if (c < 0 && (kind === 'ENTREPRENEURSHIP' || !wish || rng.chance(0.5))) c = findClass(walk, rng, plan.classesByKind.get(kind), latest, w.turned16);
  if (c < 0) c = findClass(walk, rng, plan.classesByTrade.get(trade), latest, w.turned16);
  if (c < 0) c = findClass(walk, rng, plan.classesByTrade.get(trades.pick(rng)), latest, w.turned16);
  if (c < 0) return;
  // an earlier short course for some
  if (rng.chance(0.12)) {
    const other = findClass(walk, rng, plan.classesByKind.get('SHORT_PRACTICAL'), plan.classStart[c] - 40, w.turned16);
    if (other > 0 && plan.classEnd[other] < plan.classStart[c] - 5) {
      walk.classLeft[other]--;
      pushEnrolment(walk, rng, w, other, false);
    }
  }
  walk.classLeft[c]--;
  const e = pushEnrolment(walk, rng, w, c, true);
  w.trainKind = plan.classKind[c];
  w.trainTrade = plan.classTrade[c];
  if (e.employedOn) w.trainEmployed = dayOf(e.employedOn);
}

function pushEnrolment(walk: Walk, rng: Rng, w: Work, c: number, mayLeadToJob: boolean): DemoEnrolment {
  const plan = walk.plan;
  const today = walk.today;
  const start = plan.classStart[c];
  const end = plan.classEnd[c];
  const duration = plan.classDuration[c];
  const kind = plan.classKind[c];
  let status: DemoEnrolment['status'];
  let attendance: number;
  let completedOn: string | null = null;
  let employedOn: string | null = null;
  if (end < today) {
    if (rng.chance(COMPLETION[kind])) {
      status = 'COMPLETED';
      attendance = duration - (rng.chance(0.6) ? 0 : rng.range(0, Math.ceil(duration * 0.08)));
      completedOn = isoOf(end);
      const [p, within] = JOB_AFTER[kind];
      const r = rng.next();
      if (mayLeadToJob && (r < p || (kind === 'MEDIUM_TERM' && r < p + 0.1))) {
        const delay = r < p ? rng.range(kind === 'PRE_JOB' ? 0 : 3, within) : rng.range(within + 1, 200);
        const day = end + delay;
        if (day <= today) employedOn = isoOf(day);
      }
    } else {
      status = 'DROPPED';
      attendance = Math.max(1, Math.round(duration * rng.mid(0.05, 0.7)));
    }
  } else if (start <= today) {
    status = 'ENROLLED';
    attendance = Math.max(0, Math.round((today - start + 1) * rng.mid(0.85, 1)));
  } else {
    status = 'ENROLLED';
    attendance = 0;
  }
  const enrolment: DemoEnrolment = {
    id: walk.next.enrolment++,
    classId: c,
    enrolledOn: isoOf(Math.min(today, start - rng.range(3, 20))),
    attendanceDays: attendance,
    status,
    completedOn,
    employedOn,
  };
  w.p.enrolments.push(enrolment);
  return enrolment;
}

/** Skill level, certificates (from the skill drawn and from completed classes) and the training wish fulfilled. */
export function skillsAndCertificates(walk: Walk, rng: Rng, w: Work): void {
  const plan = walk.plan;
  const today = walk.today;
  const p = w.p;
  let skill: SkillLevel = w.student ? (rng.chance(0.9) ? 'NONE' : 'BASIC') : SKILL_BY_EDUCATION[p.education].pick(rng);
  if (!w.student && skill !== 'NONE' && w.s.age >= 20 && rng.chance(CERTIFIED_BY_SKILL[skill])) {
    const grade = GRADE_BY_SKILL[skill];
    const issued = Math.max(birthdayAt(w.s.birth, 18), today - rng.range(200, 4000));
    if (issued < today) p.certificates.push(certificate(walk, CERTIFIED_TRADES.pick(rng), grade, issued, null));
  }
  for (const e of p.enrolments) {
    if (e.status !== 'COMPLETED') continue;
    const kind = plan.classKind[e.classId];
    if (!rng.chance(CERTIFIED[kind])) continue;
    const issued = dayOf(e.completedOn!) + rng.range(15, 45);
    if (issued > today) continue;
    const grade: SkillGrade = kind === 'MEDIUM_TERM' ? (rng.chance(0.25) ? 4 : 5) : kind === 'ORDER_BASED' || kind === 'DIRECTED' ? (rng.chance(0.15) ? 4 : 5) : 5;
    p.certificates.push(certificate(walk, plan.classTrade[e.classId], grade, issued, e.id));
  }
  sortSmall(p.certificates, byIssued);
  for (const c of p.certificates) skill = higherSkill(skill, SKILL_OF_GRADE[c.grade]);
  p.skillLevel = skill;
  if (p.trainingWish && p.enrolments.some((e) => e.status === 'COMPLETED') && rng.chance(0.5)) p.trainingWish = null;
}

function certificate(walk: Walk, trade: Trade, grade: SkillGrade, issued: number, enrolmentId: number | null): DemoCertificate {
  const id = walk.next.certificate++;
  return { id, trade, grade, number: `S${COUNTY.code}${yearOf(issued)}${pad(id, 8)}`, issuedOn: isoOf(issued), enrolmentId };
}
