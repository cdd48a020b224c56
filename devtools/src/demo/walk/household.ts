/**
 * One household of the walk: the order of its steps (each step drawing from the household's own
 * stream, in this order, is what keeps the output the same for every batch size).
 */
import { householdCodeIn } from '@jiuye/common';
import type { DemoHousehold } from '../model';
import { Rng, Domain } from '../random';
import { TRADE_WEIGHTS_FEMALE, TRADE_WEIGHTS_MALE } from '../reference';
import { composeHousehold } from '../composition';
import type { Walk, Work } from './state';
import { members, whoCanWork, careDuties, leftBehind } from './people';
import { planTransfer } from './transfer';
import { registration, responsibility, assistanceRecords } from './poverty';
import { enrolBeforeTransfer, enrol } from './training';
import { labourer } from './labourer';

/** Household `index` of the walk: its members and every record of theirs, drawn from its own stream. */
export function household(walk: Walk, index: number): DemoHousehold {
  const plan = walk.plan;
  const today = walk.today;
  const rng = new Rng(walk.seed, Domain.HOUSEHOLDS, index);
  const { type, members: skels } = composeHousehold(rng, today);
  const v = villageOf(walk, index);
  const village = plan.reference.villages[v];
  const ti = plan.villageTownship[v];

  // ----- poverty registration and history
  const { status, history, registeredYear } = registration(walk, rng, type);
  const poor = status !== null;

  // ----- people
  const works = members(walk, rng, skels, type, poor);

  // ----- who can work
  whoCanWork(rng, works, type, poor);

  // ----- care duties
  careDuties(walk, rng, works);

  // ----- transfers, training, employment decisions
  decide(walk, rng, works, poor);

  // ----- 户有一人就业: most zero-employment households get a floor job
  floorJob(rng, works);

  // ----- employment histories and the rest of each labourer's records
  for (const w of works) {
    if (w.labour) labourer(walk, rng, w, v, ti, poor);
  }

  // ----- left-behind
  leftBehind(rng, works, type);

  // ----- civil assistance
  const assistance = assistanceRecords(walk, rng, type, status, works);

  // ----- relocation, responsible unit and cadre
  const { relocationSiteId, responsibleUnitId, cadreId } = responsibility(walk, rng, v, ti, status, registeredYear);

  const seq = index - plan.villageStart[v] + 1;
  return {
    code: householdCodeIn(village.code, seq),
    villageCode: village.code,
    townshipCode: village.townshipCode,
    address: plan.villageAddress[v],
    povertyStatus: status,
    registeredYear,
    statusHistory: history,
    relocationSiteId,
    responsibleUnitId,
    cadreId,
    assistance,
    members: works.map((w) => w.p),
  };
}

/** Training wishes, transfers, enrolments and who is employed, for those who can work (and students' wishes). */
function decide(walk: Walk, rng: Rng, works: Work[], poor: boolean): void {
  for (const w of works) {
    if (!w.able && !w.student) continue;
    const age = w.s.age;
    const wishP = w.student ? 0.1 : age < 35 ? 0.38 : age > 50 ? 0.15 : 0.28;
    if (rng.chance(wishP)) w.p.trainingWish = (w.s.male ? TRADE_WEIGHTS_MALE : TRADE_WEIGHTS_FEMALE).pick(rng);
    if (!w.able) continue;
    if (age >= 19 && age <= 50) {
      let pT = 0.17;
      if (w.care) pT *= 0.06;
      if (w.grade) pT *= w.grade <= 2 ? 0.03 : 0.3;
      if (!w.s.male) pT *= 0.75;
      if (age > 40) pT *= 0.55;
      if (poor) pT *= 1.15;
      if (rng.chance(pT)) w.transfer = planTransfer(walk, rng, w);
    }
    if (w.transfer) {
      if (rng.chance(0.22)) enrolBeforeTransfer(walk, rng, w);
    } else if (age <= 55) {
      let pTrain = 0.085;
      if (poor) pTrain *= 1.4;
      if (age < 30) pTrain *= 1.3;
      else if (age > 45) pTrain *= 0.6;
      if (w.p.trainingWish) pTrain *= 1.8;
      if (w.care) pTrain *= 0.8;
      if (rng.chance(pTrain)) enrol(walk, rng, w);
    }
    if (w.transfer) {
      w.employed = w.transfer.retained || rng.chance(0.55);
    } else if (w.trainEmployed >= 0) {
      w.employed = true;
    } else {
      let pEmp = 0.875;
      if (age < 20) pEmp = 0.68;
      else if (age >= 56) pEmp = 0.8;
      if (w.care) pEmp = Math.min(pEmp, 0.74);
      if (w.grade === 3) pEmp = 0.6;
      else if (w.grade === 4) pEmp = Math.min(pEmp, 0.8);
      w.employed = rng.chance(pEmp);
    }
  }
}

/** 户有一人就业: most zero-employment households get a floor job. */
function floorJob(rng: Rng, works: Work[]): void {
  let able = 0;
  let employed = 0;
  for (const w of works) {
    if (w.able) able++;
    if (w.employed) employed++;
  }
  if (able > 0 && employed === 0 && rng.chance(0.8)) {
    let best: Work | null = null;
    let bestScore = -1;
    for (const w of works) {
      if (!w.able) continue;
      const score = (w.care ? 2 : 0) + (w.grade ? 2 : 0) + (w.s.age >= 45 ? 1 : 0) + rng.next();
      if (score > bestScore) {
        best = w;
        bestScore = score;
      }
    }
    if (best) {
      best.employed = true;
      best.floor = true;
    }
  }
}

function villageOf(walk: Walk, index: number): number {
  const start = walk.plan.villageStart;
  let v = walk.villageCursor;
  if (index < start[v] || index >= start[v + 1]) {
    let lo = 0;
    let hi = start.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    v = lo;
    while (start[v + 1] <= index) v++;
  }
  walk.villageCursor = v;
  return v;
}
