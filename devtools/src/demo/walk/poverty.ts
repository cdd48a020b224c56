/**
 * Poverty registration and its history, the responsible unit and cadre, relocation (易地搬迁), and
 * civil assistance (低保, 特困).
 */
import { dayFromYmd, dayOf, isoOf, yearOf } from '../calendar';
import type { DemoAssistance, DemoStatusChange, PovertyStatus } from '../model';
import { type Rng, clamp, roundTo } from '../random';
import type { HouseholdType } from '../composition';
import {
  STATUS_WEIGHTS,
  REGISTERED_BY_TYPE,
  POVERTY_CAUSES,
  LIFT_REASONS,
  UNSTABLE_REASONS,
  RETURN_REASONS,
  MARGINAL_REASONS,
  SUDDEN_REASONS,
  DAY_2012,
  DAY_2013_06,
  DAY_2014,
  STOP_REASONS,
} from '../tables';
import type { Walk, Work } from './state';

/** Whether the household is registered poor (by household type), its status history and the year it was registered. */
export function registration(walk: Walk, rng: Rng, type: HouseholdType): { status: PovertyStatus | null; history: DemoStatusChange[]; registeredYear: number | null } {
  const status = rng.chance(REGISTERED_BY_TYPE[type]) ? STATUS_WEIGHTS.pick(rng) : null;
  const history = status ? statusHistory(walk, rng, status) : [];
  const registeredYear = history.length ? Number(history[0].effectiveOn.slice(0, 4)) : null;
  return { status, history, registeredYear };
}

/** A registered household's responsible unit and cadre (the village's, cadres in turn) and relocation site. */
export function responsibility(
  walk: Walk,
  rng: Rng,
  v: number,
  ti: number,
  status: PovertyStatus | null,
  registeredYear: number | null,
): { relocationSiteId: number | null; responsibleUnitId: number | null; cadreId: number | null } {
  const plan = walk.plan;
  let relocationSiteId: number | null = null;
  let responsibleUnitId: number | null = null;
  let cadreId: number | null = null;
  if (status) {
    responsibleUnitId = plan.villageUnitId[v];
    const count = plan.villageCadreCount[v];
    if (count > 0) {
      cadreId = plan.villageCadreFirst[v] + (walk.cadreCursor[v] % count);
      walk.cadreCursor[v]++;
    }
    if (registeredYear !== null && registeredYear <= 2019 && status !== 'MARGINAL' && rng.chance(0.13)) {
      relocationSiteId = relocate(walk, rng, ti);
    }
  }
  return { relocationSiteId, responsibleUnitId, cadreId };
}

function statusHistory(walk: Walk, rng: Rng, status: PovertyStatus): DemoStatusChange[] {
  const h: DemoStatusChange[] = [];
  const at = (year: number, monthFrom: number, monthTo: number) => isoOf(Math.min(walk.today - 1, dayFromYmd(year, rng.range(monthFrom, monthTo), rng.range(1, 28))));
  const registration = () => {
    const r = rng.next();
    const year = r < 0.7 ? 2014 : r < 0.8 ? 2015 : r < 0.9 ? 2016 : rng.range(2017, 2019);
    h.push({ status: 'NOT_LIFTED', effectiveOn: at(year, year === 2014 ? 8 : 3, 11), reason: `致贫原因：${rng.pick(POVERTY_CAUSES)}` });
    return year;
  };
  const lift = (after: number) => {
    const year = clamp(rng.range(Math.max(2016, after + 1), 2020), after + 1, 2020);
    h.push({ status: 'LIFTED', effectiveOn: at(year, 10, 12), reason: rng.pick(LIFT_REASONS) });
    return year;
  };
  const thisYear = yearOf(walk.today);
  switch (status) {
    case 'LIFTED':
      lift(registration());
      break;
    case 'LIFTED_UNSTABLE': {
      lift(registration());
      h.push({ status: 'LIFTED_UNSTABLE', effectiveOn: at(rng.range(2021, thisYear), 1, 12), reason: rng.pick(UNSTABLE_REASONS) });
      break;
    }
    case 'NOT_LIFTED': {
      const year = registration();
      if (rng.chance(0.6)) {
        lift(year);
        h.push({ status: 'NOT_LIFTED', effectiveOn: at(rng.range(2022, thisYear), 1, 12), reason: rng.pick(RETURN_REASONS) });
      }
      break;
    }
    case 'MARGINAL':
      h.push({ status: 'MARGINAL', effectiveOn: at(rng.range(2020, thisYear), 1, 12), reason: rng.pick(MARGINAL_REASONS) });
      break;
    case 'SUDDEN_HARDSHIP':
      if (rng.chance(0.3)) lift(registration());
      h.push({ status: 'SUDDEN_HARDSHIP', effectiveOn: at(rng.range(2022, thisYear), 1, 12), reason: rng.pick(SUDDEN_REASONS) });
      break;
  }
  // keep the dates strictly increasing (the last status may have been drawn early)
  for (let i = 1; i < h.length; i++) {
    if (h[i].effectiveOn <= h[i - 1].effectiveOn) h[i].effectiveOn = isoOf(Math.min(walk.today, dayOf(h[i - 1].effectiveOn) + rng.range(30, 200)));
  }
  return h;
}

export function assistanceRecords(walk: Walk, rng: Rng, type: HouseholdType, status: PovertyStatus | null, works: Work[]): DemoAssistance[] {
  const today = walk.today;
  const out: DemoAssistance[] = [];
  let hardship: boolean;
  if (type === 'SOLITARY_ELDERLY') hardship = rng.chance(0.55);
  else if (type === 'SOLITARY_DISABLED') hardship = rng.chance(works[0].grade > 0 && works[0].grade <= 3 ? 0.6 : 0.2);
  else hardship = rng.chance(0.0008);
  if (hardship) {
    out.push({
      kind: 'SPECIAL_HARDSHIP',
      monthlyAmount: roundTo(rng.range(700, 1000), 10),
      startsOn: isoOf(Math.max(DAY_2012, today - rng.range(60, 5000))),
      endsOn: null,
      stopReason: null,
    });
    return out;
  }
  const p =
    status === null ? 0.022 : status === 'NOT_LIFTED' ? 0.45 : status === 'LIFTED_UNSTABLE' ? 0.35 : status === 'SUDDEN_HARDSHIP' ? 0.5 : status === 'MARGINAL' ? 0.25 : 0.12;
  let previousEnd = DAY_2013_06;
  if (rng.chance(0.05)) {
    const start = DAY_2014 + rng.int(2500);
    const end = Math.min(today - 30, start + rng.range(300, 1800));
    if (end > start) {
      out.push({
        kind: 'SUBSISTENCE_ALLOWANCE',
        monthlyAmount: roundTo(rng.range(300, 600), 10),
        startsOn: isoOf(start),
        endsOn: isoOf(end),
        stopReason: rng.pick(STOP_REASONS),
      });
      previousEnd = end;
    }
  }
  if (rng.chance(p)) {
    const start = Math.max(previousEnd + 30, today - rng.range(30, 4000));
    if (start < today) out.push({ kind: 'SUBSISTENCE_ALLOWANCE', monthlyAmount: roundTo(rng.range(300, 600), 10), startsOn: isoOf(start), endsOn: null, stopReason: null });
  }
  return out;
}

function relocate(walk: Walk, rng: Rng, ti: number): number | null {
  const sites = walk.plan.siteTownship;
  const own: number[] = [];
  for (let s = 0; s < sites.length; s++) if (sites[s] === ti) own.push(s);
  const order: number[] = own.length > 0 && rng.chance(0.6) ? own : [];
  const first = rng.int(sites.length);
  for (let k = 0; k < sites.length; k++) order.push((first + k) % sites.length);
  for (const s of order) {
    if (walk.siteLeft[s] > 0) {
      walk.siteLeft[s]--;
      return s + 1;
    }
  }
  return null;
}
