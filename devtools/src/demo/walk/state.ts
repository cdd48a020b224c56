/**
 * The state one walk over the county shares between households (see generate.ts's header):
 * ID-number sequences per birth date, the next record ids, the welfare posts taken and when each
 * is free again, class and relocation-site places left, and the round robin of cadres per
 * village. Made fresh for each households() call and passed explicitly to every step of the
 * walk; the plan (reference tables and their indexes) is read-only.
 */
import { dayFromYmd, monthOf, yearOf } from '../calendar';
import type { CourseKind, DemoPerson, EmploymentKind, EmploymentPlace, Trade } from '../model';
import type { Plan } from '../reference';
import type { Skeleton } from '../composition';
import { WELFARE_POSTS_SINCE } from '../tables';

export interface Walk {
  readonly plan: Plan;
  readonly seed: number;
  /** `today` as a day number. */
  readonly today: number;
  /** First day of today's month (monthly verification). */
  readonly monthStart: number;
  /** Earliest birth date an ID number can have (idSeq's day 0). */
  readonly idBase: number;
  /** ID-number sequences used, per (birth day − idBase) × 2 + (male ? 1 : 0). */
  readonly idSeq: Uint16Array;
  /** Welfare post id → 1 while it has a current holder. */
  readonly postTaken: Uint8Array;
  /** Welfare post id → first day a new holder may start (after the last past holder). */
  readonly postFreeFrom: Int32Array;
  /** Places left per class. */
  readonly classLeft: Int32Array;
  /** Places left per relocation site. */
  readonly siteLeft: Int32Array;
  /** Round robin of the cadres, per village. */
  readonly cadreCursor: Int32Array;
  /** Village of the last household (households come in order). */
  villageCursor: number;
  /** The next id of each kind of record. */
  readonly next: { employment: number; subsidy: number; enrolment: number; certificate: number; transfer: number; followUp: number; contact: number };
}

export function createWalk(plan: Plan): Walk {
  const today = plan.today;
  const idBase = today - 125 * 366;
  return {
    plan,
    seed: plan.options.seed,
    today,
    monthStart: dayFromYmd(yearOf(today), monthOf(today), 1),
    idBase,
    idSeq: new Uint16Array((today - idBase + 2) * 2),
    postTaken: new Uint8Array(plan.reference.welfarePosts.length + 1),
    postFreeFrom: new Int32Array(plan.reference.welfarePosts.length + 1).fill(WELFARE_POSTS_SINCE),
    classLeft: Int32Array.from(plan.classCapacity),
    siteLeft: Int32Array.from(plan.siteCapacity),
    cadreCursor: new Int32Array(plan.villageStart.length),
    villageCursor: 0,
    next: { employment: 1, subsidy: 1, enrolment: 1, certificate: 1, transfer: 1, followUp: 1, contact: 1 },
  };
}

/** A transfer to a partner city, decided before the labourer's records are made. */
export interface TransferPlan {
  batch: number;
  posting: number;
  start: number;
  retained: boolean;
  left: number; // day the job ended (when not retained)
  wage: number;
}

/** An employment spell in the making (days as numbers). */
export interface Spell {
  kind: EmploymentKind;
  place: EmploymentPlace;
  employerId: number | null;
  employerName: string;
  location: string;
  start: number;
  end: number | null;
  wage: number;
}

/** One member of the household being made, with the walk's working notes about them. */
export interface Work {
  s: Skeleton;
  p: DemoPerson;
  labour: boolean;
  student: boolean;
  military: boolean;
  unable: boolean;
  other: boolean;
  able: boolean;
  ill: boolean;
  grade: number; // 0 = no disability
  care: boolean;
  turned16: number;
  transfer: TransferPlan | null;
  trainEmployed: number; // day a job started after training, or -1
  trainKind: CourseKind | null;
  trainTrade: Trade | null;
  employed: boolean;
  floor: boolean;
  spells: Spell[];
  current: Spell | null;
  welfareAnnual: number;
  away: boolean;
}

/** Stable insertion sort for the short per-person lists (Array.prototype.sort allocates). */
export function sortSmall<T>(values: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && compare(values[j], v) > 0) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}
