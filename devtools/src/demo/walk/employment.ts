/**
 * Employment spells: the kind of the current job (weights by kind, adjusted for the labourer) and
 * its start, the job after training, past jobs, and the employment intention.
 */
import { birthdayAt, isoOf } from '../calendar';
import type { DemoEmployment, EmploymentKind, EmploymentIntention } from '../model';
import type { Rng } from '../random';
import { PRIOR_JOBS_YOUNG, PRIOR_JOBS } from '../composition';
import { BASE_KIND_WEIGHTS, pickKind, PRIOR_KIND_WEIGHTS, FLOOR_KIND_WEIGHTS, TENURE_YEARS, WORKSHOPS_SINCE, WELFARE_POSTS_SINCE } from '../tables';
import { type Walk, type Work, type Spell, sortSmall } from './state';
import { freePost, takePost, job, jobFromFair } from './jobs';

const byStart = (a: Spell, b: Spell) => a.start - b.start;

/** The labourer's employment spells (the current job and past ones), as employments in start order. */
export function employmentHistory(walk: Walk, rng: Rng, w: Work, v: number, ti: number, poor: boolean): void {
  const plan = walk.plan;
  const today = walk.today;
  const p = w.p;
  const t = w.transfer;
  let firstFixed = today + 1; // start of the earliest spell placed so far
  if (t) {
    const posting = plan.reference.partnerPostings[t.posting - 1];
    const spell: Spell = {
      kind: 'TRANSFER_OUT_OF_PROVINCE',
      place: 'OUT_OF_PROVINCE',
      employerId: posting.employerId,
      employerName: posting.employerName,
      location: plan.employerLocation[posting.employerId],
      start: t.start,
      end: t.retained ? null : t.left,
      wage: t.wage,
    };
    w.spells.push(spell);
    firstFixed = t.start;
    if (t.retained) w.current = spell;
    else if (w.employed) {
      const earliest = t.left + 15;
      w.current = newSpell(walk, rng, w, v, ti, poor, earliest, -1);
    }
  } else if (w.employed) {
    w.current = newSpell(walk, rng, w, v, ti, poor, w.turned16, w.trainEmployed);
  }
  if (w.current && w.current !== w.spells[0]) w.spells.push(w.current);
  for (const s of w.spells) firstFixed = Math.min(firstFixed, s.start);
  if (!w.employed && !t && rng.chance(0.55)) {
    // lost or left a job some time ago
    const end = today - rng.range(20, 540);
    if (end - 60 > w.turned16) {
      const start = Math.max(w.turned16, end - rng.range(60, 900));
      w.spells.push(pastSpell(walk, rng, w, v, ti, poor, start, end));
      firstFixed = start;
    }
  }
  const nPrior = w.s.age < 21 ? rng.weightedIndex(PRIOR_JOBS_YOUNG) : rng.weightedIndex(PRIOR_JOBS);
  let next = firstFixed;
  for (let k = 0; k < nPrior; k++) {
    const end = next - rng.range(7, 150);
    if (end - 30 < w.turned16) break;
    const start = Math.max(w.turned16, end - rng.range(60, 1000));
    w.spells.push(pastSpell(walk, rng, w, v, ti, poor, start, end));
    next = start;
  }
  sortSmall(w.spells, byStart);
  for (const s of w.spells) {
    p.employments.push({
      id: walk.next.employment++,
      kind: s.kind,
      place: s.place,
      employerId: s.employerId,
      employerName: s.employerName,
      location: s.location,
      startsOn: isoOf(s.start),
      endsOn: s.end === null ? null : isoOf(s.end),
      monthlyWage: s.wage,
    } satisfies DemoEmployment);
  }
}

export function intention(rng: Rng, w: Work): EmploymentIntention {
  if (!w.able) return 'NONE';
  const c = w.current;
  const r = rng.next();
  if (c) {
    if (c.kind === 'TRANSFER_OUT_OF_PROVINCE') return r < 0.85 ? 'OUT_OF_PROVINCE' : r < 0.95 ? 'LOCAL' : 'IN_PROVINCE';
    if (c.kind === 'TRANSFER_IN_PROVINCE') return r < 0.85 ? 'IN_PROVINCE' : r < 0.95 ? 'LOCAL' : 'OUT_OF_PROVINCE';
    if (c.kind === 'SELF_EMPLOYED') return r < 0.6 ? 'ENTREPRENEURSHIP' : 'LOCAL';
    return r < 0.85 ? 'LOCAL' : r < 0.93 ? 'IN_PROVINCE' : r < 0.97 ? 'ENTREPRENEURSHIP' : 'NONE';
  }
  if (w.p.employmentStatus === 'NOT_SEEKING') return r < 0.8 ? 'NONE' : 'LOCAL';
  if (w.care) return r < 0.8 ? 'LOCAL' : r < 0.9 ? 'ENTREPRENEURSHIP' : 'IN_PROVINCE';
  return r < 0.45 ? 'LOCAL' : r < 0.65 ? 'IN_PROVINCE' : r < 0.9 ? 'OUT_OF_PROVINCE' : r < 0.96 ? 'ENTREPRENEURSHIP' : 'NONE';
}

/** Kind weights for a current job: the base weights adjusted for the labourer (a fresh record). */
function kindWeights(w: Work, poor: boolean, base: Readonly<Record<EmploymentKind, number>>): Record<EmploymentKind, number> {
  const k = { ...base };
  const age = w.s.age;
  if (w.care) {
    k.TRANSFER_OUT_OF_PROVINCE *= 0.04;
    k.TRANSFER_IN_PROVINCE *= 0.25;
    k.POVERTY_WORKSHOP *= 2;
    k.HOME_BASED *= 3;
    k.FLEXIBLE *= 1.5;
    k.FARMING *= 1.5;
    k.PUBLIC_WELFARE_POST *= 3;
  }
  if (w.grade) {
    const severe = w.grade <= 2;
    k.TRANSFER_OUT_OF_PROVINCE *= severe ? 0.04 : 0.35;
    k.TRANSFER_IN_PROVINCE *= severe ? 0.2 : 0.5;
    k.PUBLIC_WELFARE_POST *= 3;
    k.HOME_BASED *= 2;
  }
  if (age < 17) {
    // migrant work from 17 on
    k.TRANSFER_OUT_OF_PROVINCE = 0;
    k.TRANSFER_IN_PROVINCE = 0;
  }
  if (age >= 50) {
    k.TRANSFER_OUT_OF_PROVINCE *= age >= 56 ? 0.22 : 0.45;
    k.TRANSFER_IN_PROVINCE *= 0.7;
    k.FARMING *= 2.5;
    k.PUBLIC_WELFARE_POST *= age >= 56 ? 3.5 : 2.5;
    k.FLEXIBLE *= 1.3;
  } else if (age < 25) {
    k.TRANSFER_OUT_OF_PROVINCE *= 1.3;
    k.FARMING *= 0.3;
    k.SELF_EMPLOYED *= 0.5;
    k.PUBLIC_WELFARE_POST *= 0.2;
  }
  if (!w.s.male) {
    k.TRANSFER_IN_PROVINCE *= 0.9;
    k.TRANSFER_OUT_OF_PROVINCE *= 0.85;
    k.POVERTY_WORKSHOP *= 1.5;
    k.HOME_BASED *= 2.5;
  }
  if (poor) {
    k.PUBLIC_WELFARE_POST *= 2.5;
    k.POVERTY_WORKSHOP *= 1.4;
  } else k.PUBLIC_WELFARE_POST *= 0.15;
  return k;
}

/** The current job (open spell). `fixedStart` ≥ 0: the job found after training. */
function newSpell(walk: Walk, rng: Rng, w: Work, v: number, ti: number, poor: boolean, earliest: number, fixedStart: number): Spell {
  const today = walk.today;
  let kind: EmploymentKind;
  if (fixedStart >= 0) kind = kindAfterTraining(walk, rng, w, poor);
  else {
    const weights = kindWeights(w, poor, w.floor ? FLOOR_KIND_WEIGHTS : BASE_KIND_WEIGHTS);
    kind = pickKind(rng, weights);
  }
  const latest = today;
  const startFor = (k: EmploymentKind): number => {
    if (fixedStart >= 0) return fixedStart;
    let min = Math.max(earliest, k === 'TRANSFER_OUT_OF_PROVINCE' || k === 'TRANSFER_IN_PROVINCE' ? birthdayAt(w.s.birth, 17) : w.turned16);
    if (k === 'POVERTY_WORKSHOP' || k === 'HOME_BASED') min = Math.max(min, WORKSHOPS_SINCE);
    if (k === 'PUBLIC_WELFARE_POST') min = Math.max(min, WELFARE_POSTS_SINCE);
    if (min >= latest - 1) return Math.min(latest, min);
    const tenure = Math.floor(-Math.log(1 - rng.next()) * TENURE_YEARS[k] * 365);
    return Math.max(min, today - 1 - tenure);
  };
  if (kind === 'PUBLIC_WELFARE_POST') {
    const post = freePost(walk, v);
    if (post > 0) {
      const start = Math.min(latest, Math.max(startFor('PUBLIC_WELFARE_POST'), walk.postFreeFrom[post]));
      return takePost(walk, w, v, post, start, null);
    }
    const weights = kindWeights(w, poor, w.floor ? FLOOR_KIND_WEIGHTS : BASE_KIND_WEIGHTS);
    weights.PUBLIC_WELFARE_POST = 0;
    kind = pickKind(rng, weights);
  }
  // a job found at a job fair (达成意向 → hired)
  if (fixedStart < 0 && (kind === 'LOCAL_ENTERPRISE' || kind === 'POVERTY_WORKSHOP' || kind === 'TRANSFER_IN_PROVINCE' || kind === 'TRANSFER_OUT_OF_PROVINCE') && rng.chance(0.1)) {
    const fromFair = jobFromFair(walk, rng, w, ti, kind, earliest);
    if (fromFair) return fromFair;
  }
  return job(walk, rng, v, ti, kind, startFor(kind), null, 1);
}

function kindAfterTraining(walk: Walk, rng: Rng, w: Work, poor: boolean): EmploymentKind {
  const r = rng.next();
  let kind: EmploymentKind;
  switch (w.trainKind) {
    case 'ENTREPRENEURSHIP':
      kind = 'SELF_EMPLOYED';
      break;
    case 'ORDER_BASED':
      kind = r < 0.55 ? 'LOCAL_ENTERPRISE' : r < 0.85 ? 'TRANSFER_IN_PROVINCE' : 'TRANSFER_OUT_OF_PROVINCE';
      break;
    case 'DIRECTED':
      kind = r < 0.5 ? 'LOCAL_ENTERPRISE' : r < 0.7 ? 'POVERTY_WORKSHOP' : 'TRANSFER_IN_PROVINCE';
      break;
    case 'PRE_JOB':
      kind = r < 0.4 ? 'LOCAL_ENTERPRISE' : r < 0.8 ? 'TRANSFER_IN_PROVINCE' : 'TRANSFER_OUT_OF_PROVINCE';
      break;
    default: {
      if (w.trainTrade === 'AGRICULTURE' && r < 0.5) kind = 'FARMING';
      else {
        const weights = kindWeights(w, poor, BASE_KIND_WEIGHTS);
        weights.PUBLIC_WELFARE_POST = 0;
        kind = pickKind(rng, weights);
      }
    }
  }
  if ((kind === 'TRANSFER_OUT_OF_PROVINCE' || kind === 'TRANSFER_IN_PROVINCE') && (w.s.age < 17 || ((w.care || (w.grade > 0 && w.grade <= 2)) && rng.chance(0.9))))
    kind = 'LOCAL_ENTERPRISE';
  return kind;
}

function pastSpell(walk: Walk, rng: Rng, w: Work, v: number, ti: number, poor: boolean, start: number, end: number): Spell {
  const weights = { ...PRIOR_KIND_WEIGHTS };
  if (!poor) weights.PUBLIC_WELFARE_POST *= 0.15;
  if (w.p.welfarePost) weights.PUBLIC_WELFARE_POST = 0;
  let kind = pickKind(rng, weights);
  if (kind === 'PUBLIC_WELFARE_POST') {
    const post = freePost(walk, v);
    const from = post > 0 ? Math.max(start, walk.postFreeFrom[post]) : 0;
    if (post > 0 && from < end - 30) return takePost(walk, w, v, post, from, end);
    weights.PUBLIC_WELFARE_POST = 0;
    kind = pickKind(rng, weights);
  }
  if ((kind === 'POVERTY_WORKSHOP' || kind === 'HOME_BASED') && start < WORKSHOPS_SINCE) kind = 'FLEXIBLE';
  return job(walk, rng, v, ti, kind, start, end, 0.92);
}
