/**
 * The demo county generator: deterministic, streaming households for 东川区 (云南省昆明市).
 *
 * How it works
 * - Household i draws everything from its own PRNG stream (seed, HOUSEHOLDS, i); its members'
 *   composition (ages, sexes, relationships) is drawn first. createDemoCounty walks the
 *   compositions once to find how many households make up `workers` labourers, then builds
 *   the reference tables sized to that.
 * - A walk (households()) produces households in order and keeps a few counters that must be
 *   shared over the county: ID-number sequences per birth date, the record ids, the free
 *   public-welfare posts of each village, class places, relocation-site places, and the
 *   round robin of cadres in each village. Because households always come in the same order,
 *   these are the same for any batch size.
 *
 * What the data says (the consumers can rely on these; figures are for the default options)
 * - ~37 % of households are registered (povertyStatus not null): 75 % LIFTED, 8 % LIFTED_UNSTABLE,
 *   5 % NOT_LIFTED, 10 % MARGINAL, 2 % SUDDEN_HARDSHIP. Registered households, and only they,
 *   have a status history, a responsible unit and a cadre (the village's unit; 4–13 households
 *   per cadre); ~12 % of those registered by 2019 were relocated (relocationSiteId).
 * - 低保 open for ~7–8 % of households (300–600 yuan/month), 特困 for ~1 % (mostly people living
 *   alone, 700–1000 yuan/month); a household has at most one open assistance record.
 * - Labour registry = members aged 16–60 on `today`. ~80 % EMPLOYED, ~6 % UNEMPLOYED, ~11 %
 *   NOT_SEEKING (students, conscripts, carers…), ~2 % UNABLE_TO_WORK. EMPLOYED ⇔ exactly one open
 *   employment; AWAY ⇔ the open employment is out of the county. Of the employed: ~34 % out of
 *   province, ~25 % in province, ~20 % local enterprises and workshops, ~3.5 % welfare posts, the
 *   rest self-employed, odd jobs, home-based and farming. Carers and severely disabled workers
 *   are hardly ever out of the province. ~1.5 % of households with a labourer have nobody
 *   employed (零就业家庭).
 * - Welfare posts: ~3 % of `workers`, ~90 % filled, holders mostly registered-poor, older,
 *   carers or mildly disabled. A holder's open employment is PUBLIC_WELFARE_POST, starting on
 *   welfarePost.startsOn; a post has at most one holder at a time (past holders' tenures end
 *   before the next one starts).
 * - ~8 % of labourers were transferred in a batch to a partner city (深圳/苏州). Their transfer
 *   employment is the TRANSFER_OUT_OF_PROVINCE spell starting on transfer.startedOn with
 *   transfer.employerName; ~90 % still hold it (open), the others left it (ended spell, and the
 *   first follow-up visit after leaving says stillEmployed = false — unless no visit happened
 *   yet). Contact attempts: for invalid phones the last outcome follows the Chaozhou figures
 *   (60 % INVALID_NUMBER, 23 % no answer/refused/no common language, 5 % wrong person/not in
 *   city, 12 % reached); valid phones are mostly REACHED_WORKING.
 * - ~10 % of labourers enrolled in a class of the last two years (~70 % COMPLETED); about two
 *   thirds of medium-term completers found a job within 3 months (enrolment.employedOn = the
 *   start of an employment spell); most completers got a certificate. Some transferees took a
 *   pre-departure course whose employedOn is the transfer's first day.
 * - Subsidies: ONE_OFF_EMPLOYMENT 500 to most employed registered-poor labourers, TRAVEL_FARE iff
 *   transfer.fareReimbursed, TRAINING_LIVING 50 × attended days of medium-term training for the
 *   registered poor, WELFARE_POST_ALLOWANCE quarterly for the last four quarters, ENTREPRENEURSHIP
 *   for some registered-poor self-employed.
 * - Phones: ~22 % of labourers have an invalid number (null, stopped or malformed); children have
 *   none, and some elderly share the head's number.
 */
import { householdCodeIn, makeIdNumber } from '@jiuye/common';
import { ageOn, birthdayAt, dayFromYmd, dayOf, endOfMonth, isoOf, monthOf, timestampOf, yearOf } from './calendar';
import {
  type CareReason,
  type ContactChannel,
  type ContactOutcome,
  type CourseKind,
  type DemoAssistance,
  type DemoCareDuty,
  type DemoCertificate,
  type DemoContactAttempt,
  type DemoCounty,
  type DemoEmployment,
  type DemoEnrolment,
  type DemoFollowUp,
  type DemoHousehold,
  type DemoJobFairIntention,
  type DemoOptions,
  type DemoPerson,
  type DemoStatusChange,
  type DemoSubsidy,
  type Education,
  type EmploymentKind,
  type EmploymentIntention,
  type EmploymentPlace,
  type PovertyStatus,
  type SkillGrade,
  type SubsidyKind,
  type Trade,
  SKILL_LEVELS,
} from './model';
import { brand, CITY_INDUSTRIES, FARMING_JOBS, FLEXIBLE_JOBS, givenName, SELF_EMPLOYED_JOBS, SURNAMES } from './names';
import { clamp, Domain, pad, Rng, roundTo } from './random';
import { buildPlan, COUNTY, mobile, type Plan, SELF_FOUND_IN_PROVINCE, SELF_FOUND_OUT_OF_PROVINCE, TRADE_WEIGHTS_FEMALE, TRADE_WEIGHTS_MALE } from './reference';
import { type HouseholdType, type Skeleton, PRIOR_JOBS_YOUNG, PRIOR_JOBS, SOLITARY_DISABLED_GRADES, composeHousehold, isLabourAge, countHouseholds } from './composition';
import {
  STATUS_WEIGHTS,
  POVERTY_CAUSES,
  LIFT_REASONS,
  UNSTABLE_REASONS,
  RETURN_REASONS,
  MARGINAL_REASONS,
  SUDDEN_REASONS,
  DISABILITY_KINDS,
  DISABILITY_GRADES,
  EDUCATION_BY_AGE,
  SKILL_BY_EDUCATION,
  CERTIFIED_TRADES,
  BASE_KIND_WEIGHTS,
  pickKind,
  PRIOR_KIND_WEIGHTS,
  FLOOR_KIND_WEIGHTS,
  TENURE_YEARS,
  WAGES,
  WORKSHOPS_SINCE,
  WELFARE_POSTS_SINCE,
  SUBSIDY_SINCE,
  DAY_2012,
  DAY_2013_06,
  DAY_2014,
  REGISTERED_BY_TYPE,
  UNABLE_BY_GRADE,
  CERTIFIED_BY_SKILL,
  GRADE_BY_SKILL,
  COMPLETION,
  JOB_AFTER,
  CERTIFIED,
  PRE_DEPARTURE_KINDS,
  COURSE_KINDS_PICK,
  HARD_TO_REACH,
  CONTACT_NOTES,
  FOLLOW_UP_NOTES,
  RIGHTS_NOTES,
  STOP_REASONS,
} from './tables';

export const DEFAULT_OPTIONS: Required<DemoOptions> = { seed: 20260101, workers: 20000, today: '2026-11-20' };

/** Stable insertion sort for the short per-person lists (Array.prototype.sort allocates). */
function sortSmall<T>(values: T[], compare: (a: T, b: T) => number): void {
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

const byStart = (a: Spell, b: Spell) => a.start - b.start;
const byIssued = (a: DemoCertificate, b: DemoCertificate) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.id - b.id);
const byReached = (a: DemoJobFairIntention, b: DemoJobFairIntention) => (a.reachedOn < b.reachedOn ? -1 : a.reachedOn > b.reachedOn ? 1 : a.fairId - b.fairId);
const byPaid = (a: { paidOn: number }, b: { paidOn: number }) => a.paidOn - b.paidOn;

function noteFor(rng: Rng, outcome: ContactOutcome): string | null {
  const notes = CONTACT_NOTES[outcome];
  return notes && rng.chance(0.7) ? rng.pick(notes) : null;
}

// ---------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------

interface TransferPlan {
  batch: number;
  posting: number;
  start: number;
  retained: boolean;
  left: number; // day the job ended (when not retained)
  wage: number;
}

interface Spell {
  kind: EmploymentKind;
  place: EmploymentPlace;
  employerId: number | null;
  employerName: string;
  location: string;
  start: number;
  end: number | null;
  wage: number;
}

interface Work {
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

const PLACE_BY_GROUP: EmploymentPlace[] = ['IN_COUNTY', 'IN_COUNTY', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE'];
const KIND_BY_GROUP: EmploymentKind[] = ['LOCAL_ENTERPRISE', 'POVERTY_WORKSHOP', 'FARMING', 'TRANSFER_IN_PROVINCE', 'TRANSFER_OUT_OF_PROVINCE'];

export class Walker {
  private readonly seed: number;
  private readonly today: number;
  private readonly idBase: number;
  private readonly idSeq: Uint16Array;
  private readonly postTaken: Uint8Array;
  private readonly postFreeFrom: Int32Array;
  private readonly classLeft: Int32Array;
  private readonly siteLeft: Int32Array;
  private readonly cadreCursor: Int32Array;
  private nextEmployment = 1;
  private nextSubsidy = 1;
  private nextEnrolment = 1;
  private nextCertificate = 1;
  private nextTransfer = 1;
  private nextFollowUp = 1;
  private nextContact = 1;
  private villageCursor = 0;
  private readonly monthStart: number;

  constructor(private readonly plan: Plan) {
    this.seed = plan.options.seed;
    this.today = plan.today;
    this.idBase = this.today - 125 * 366;
    this.idSeq = new Uint16Array((this.today - this.idBase + 2) * 2);
    this.postTaken = new Uint8Array(plan.reference.welfarePosts.length + 1);
    this.postFreeFrom = new Int32Array(plan.reference.welfarePosts.length + 1).fill(WELFARE_POSTS_SINCE);
    this.classLeft = Int32Array.from(plan.classCapacity);
    this.siteLeft = Int32Array.from(plan.siteCapacity);
    this.cadreCursor = new Int32Array(plan.villageStart.length);
    this.monthStart = dayFromYmd(yearOf(this.today), monthOf(this.today), 1);
  }

  private villageOf(index: number): number {
    const start = this.plan.villageStart;
    let v = this.villageCursor;
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
    this.villageCursor = v;
    return v;
  }

  /**
   * A unique ID number for the skeleton's birth date and sex (odd sequence = male); moves the
   * birth date to a neighbouring day (never across the 16th/61st birthday) if the date's
   * sequences are used up.
   */
  private idNumber(s: Skeleton): string {
    const birth = s.birth;
    const idBase = this.idBase;
    for (let step = 0; step < 4000; step++) {
      const day = step === 0 ? birth : birth + (step % 2 === 1 ? (step + 1) / 2 : -(step / 2));
      if (day > this.today || day < idBase) continue;
      if (step > 0 && isLabourAge(ageOn(day, this.today)) !== isLabourAge(s.age)) continue;
      const slot = (day - idBase) * 2 + (s.male ? 1 : 0);
      const k = this.idSeq[slot];
      if (k >= (s.male ? 500 : 499)) continue;
      this.idSeq[slot] = k + 1;
      const offset = (day * 7919) >>> 0;
      const sequence = s.male ? 2 * ((k * 211 + offset) % 500) + 1 : 2 * ((k * 211 + offset) % 499) + 2;
      if (day !== birth) {
        s.birth = day;
        s.age = ageOn(day, this.today);
      }
      return makeIdNumber(COUNTY.code, isoOf(day), sequence);
    }
    throw new Error('demo: no ID number sequence left near ' + isoOf(birth));
  }

  household(index: number): DemoHousehold {
    const plan = this.plan;
    const today = this.today;
    const rng = new Rng(this.seed, Domain.HOUSEHOLDS, index);
    const { type, members: skels } = composeHousehold(rng, today);
    const v = this.villageOf(index);
    const village = plan.reference.villages[v];
    const ti = plan.villageTownship[v];

    // ----- poverty registration and history
    const pRegistered = REGISTERED_BY_TYPE[type];
    const status = rng.chance(pRegistered) ? STATUS_WEIGHTS.pick(rng) : null;
    const history = status ? this.statusHistory(rng, status) : [];
    const registeredYear = history.length ? Number(history[0].effectiveOn.slice(0, 4)) : null;
    const poor = status !== null;

    // ----- people
    const headSurname = SURNAMES.pick(rng);
    let lateHusband: string | null = null;
    const surnames: string[] = [];
    const works: Work[] = [];
    for (let i = 0; i < skels.length; i++) {
      const s = skels[i];
      let surname: string;
      if (s.rel === 'HEAD' || s.rel === 'SIBLING' || (s.rel === 'PARENT' && s.male)) surname = headSurname;
      else if (s.father >= 0 && s.father < i) surname = surnames[s.father];
      else if (s.rel === 'CHILD') surname = lateHusband ?? (lateHusband = SURNAMES.pick(rng));
      else surname = SURNAMES.pick(rng);
      surnames.push(surname);
      const idNumber = this.idNumber(s);
      const head = i === 0 ? null : works[0].p;
      // no two members of a household share a name (care duties name the person cared for)
      let name = surname + givenName(rng, s.male, yearOf(s.birth));
      for (let attempt = 0; attempt < 8 && works.some((w) => w.p.name === name); attempt++) name = surname + givenName(rng, s.male, yearOf(s.birth));
      works.push(this.person(rng, s, name, idNumber, type, poor, head ? head.phone : null, head ? head.phoneValid : false));
    }

    // ----- who can work
    for (const w of works) {
      if (!w.labour) continue;
      const age = w.s.age;
      w.student = (age <= 18 && rng.chance(poor ? 0.5 : 0.55)) || (age >= 19 && age <= 22 && rng.chance(0.22));
      if (w.student) {
        w.p.education = age <= 18 ? 'SENIOR_HIGH' : 'COLLEGE';
        continue;
      }
      if (age <= 18 && (w.p.education === 'SENIOR_HIGH' || w.p.education === 'COLLEGE')) w.p.education = 'JUNIOR_HIGH';
      w.military = w.s.male && age >= 18 && age <= 24 && rng.chance(0.015);
      if (w.military) continue;
      const d = w.p.disability;
      let pUnable = w.ill ? 0.55 : 0;
      if (d) pUnable = Math.max(pUnable, UNABLE_BY_GRADE[d.grade] + (d.kind === 'INTELLECTUAL' || d.kind === 'MENTAL' ? 0.15 : 0));
      if (type === 'SOLITARY_DISABLED') pUnable = Math.max(pUnable, 0.5);
      w.unable = rng.chance(pUnable);
      if (w.unable) continue;
      w.other = rng.chance(0.005);
      w.able = !w.other;
    }

    // ----- care duties
    this.careDuties(rng, works);

    // ----- transfers, training, employment decisions
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
        if (rng.chance(pT)) w.transfer = this.planTransfer(rng, w);
      }
      if (w.transfer) {
        if (rng.chance(0.22)) this.enrolBeforeTransfer(rng, w);
      } else if (age <= 55) {
        let pTrain = 0.085;
        if (poor) pTrain *= 1.4;
        if (age < 30) pTrain *= 1.3;
        else if (age > 45) pTrain *= 0.6;
        if (w.p.trainingWish) pTrain *= 1.8;
        if (w.care) pTrain *= 0.8;
        if (rng.chance(pTrain)) this.enrol(rng, w);
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

    // ----- 户有一人就业: most zero-employment households get a floor job
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

    // ----- employment histories and the rest of each labourer's records
    for (const w of works) {
      if (w.labour) this.labourer(rng, w, v, ti, poor);
    }

    // ----- left-behind
    this.leftBehind(rng, works, type);

    // ----- civil assistance
    const assistance = this.assistance(rng, type, status, works);

    // ----- relocation, responsible unit and cadre
    let relocationSiteId: number | null = null;
    let responsibleUnitId: number | null = null;
    let cadreId: number | null = null;
    if (status) {
      responsibleUnitId = plan.villageUnitId[v];
      const count = plan.villageCadreCount[v];
      if (count > 0) {
        cadreId = plan.villageCadreFirst[v] + (this.cadreCursor[v] % count);
        this.cadreCursor[v]++;
      }
      if (registeredYear !== null && registeredYear <= 2019 && status !== 'MARGINAL' && rng.chance(0.13)) {
        relocationSiteId = this.relocate(rng, ti);
      }
    }

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

  // -------------------------------------------------------------------------------------

  private statusHistory(rng: Rng, status: PovertyStatus): DemoStatusChange[] {
    const h: DemoStatusChange[] = [];
    const at = (year: number, monthFrom: number, monthTo: number) => isoOf(Math.min(this.today - 1, dayFromYmd(year, rng.range(monthFrom, monthTo), rng.range(1, 28))));
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
    const thisYear = yearOf(this.today);
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
      if (h[i].effectiveOn <= h[i - 1].effectiveOn) h[i].effectiveOn = isoOf(Math.min(this.today, dayOf(h[i - 1].effectiveOn) + rng.range(30, 200)));
    }
    return h;
  }

  private person(rng: Rng, s: Skeleton, name: string, idNumber: string, type: HouseholdType, poor: boolean, headPhone: string | null, headPhoneValid: boolean): Work {
    const age = s.age;
    const labour = isLabourAge(age);
    // education (current level for pupils)
    let education: Education;
    if (age < 7) education = 'NONE';
    else if (age <= 12) education = 'PRIMARY';
    else if (age <= 15) education = 'JUNIOR_HIGH';
    else {
      let table = EDUCATION_BY_AGE[EDUCATION_BY_AGE.length - 1].table;
      for (const e of EDUCATION_BY_AGE) {
        if (age <= e.until) {
          table = e.table;
          break;
        }
      }
      education = table.pick(rng);
    }
    // disability
    let pDis = age < 16 ? 0.012 : age < 45 ? 0.025 : age <= 60 ? 0.05 : age <= 75 ? 0.09 : 0.14;
    if (poor) pDis *= 1.5;
    let disability: DemoPerson['disability'] = null;
    if (type === 'SOLITARY_DISABLED') disability = { kind: DISABILITY_KINDS.pick(rng), grade: rng.pick(SOLITARY_DISABLED_GRADES) };
    else if (rng.chance(pDis)) disability = { kind: DISABILITY_KINDS.pick(rng), grade: DISABILITY_GRADES.pick(rng) };
    const ill = age >= 35 && rng.chance((age >= 65 ? 0.05 : 0.02) * (poor ? 1.5 : 1));
    // phone
    let phone: string | null = null;
    let phoneValid = false;
    if (labour) {
      const worse = age >= 50 ? 1.3 : 1;
      const r = rng.next();
      if (r < 0.06 * worse) phone = null;
      else if (r < 0.15 * worse)
        phone = mobile(rng); // stopped / 空号
      else if (r < 0.2 * worse) phone = malformed(rng);
      else {
        phone = mobile(rng);
        phoneValid = true;
      }
    } else if (age > 60) {
      const r = rng.next();
      const own = age <= 75 ? 0.55 : 0.2;
      const share = own + (age <= 75 ? 0.2 : 0.3);
      if (r < own) {
        phone = mobile(rng);
        phoneValid = rng.chance(0.85);
      } else if (r < share && headPhone !== null && s.rel !== 'HEAD') {
        phone = headPhone;
        phoneValid = headPhoneValid;
      }
    }
    const p: DemoPerson = {
      idNumber,
      name,
      sex: s.male ? 'MALE' : 'FEMALE',
      birthDate: isoOf(s.birth),
      age,
      relationship: s.rel,
      phone,
      phoneValid,
      inLabourRegistry: labour,
      populationStatus: age >= 6 && age < 16 ? 'STUDENT' : 'AT_HOME',
      employmentStatus: 'NOT_SEEKING',
      employmentIntention: 'NONE',
      skillLevel: 'NONE',
      education,
      trainingWish: null,
      verifiedOn: null,
      leftBehind: null,
      disability,
      careDuties: [],
      employments: [],
      welfarePost: null,
      subsidies: [],
      jobFairIntentions: [],
      enrolments: [],
      certificates: [],
      transfer: null,
      followUps: [],
      contactAttempts: [],
    };
    return {
      s,
      p,
      labour,
      student: false,
      military: false,
      unable: false,
      other: false,
      able: false,
      ill,
      grade: disability ? disability.grade : 0,
      care: false,
      turned16: birthdayAt(s.birth, 16),
      transfer: null,
      trainEmployed: -1,
      trainKind: null,
      trainTrade: null,
      employed: false,
      floor: false,
      spells: [],
      current: null,
      welfareAnnual: 0,
      away: false,
    };
  }

  private careDuties(rng: Rng, works: Work[]): void {
    const isParent = (carer: Work, m: Work) => (m.s.father >= 0 && works[m.s.father] === carer) || (m.s.mother >= 0 && works[m.s.mother] === carer);
    for (let i = 0; i < works.length; i++) {
      const m = works[i];
      const age = m.s.age;
      let reason: CareReason | null = null;
      let p = 0;
      if (age < 6) {
        reason = 'CHILD';
        p = 0.45;
      } else if (age >= 75 || (age >= 65 && (m.ill || (m.grade > 0 && m.grade <= 2)))) {
        reason = 'ELDERLY';
        p = m.ill || (m.grade > 0 && m.grade <= 2) ? 0.8 : 0.4;
      } else if (m.grade > 0 && m.grade <= 2) {
        reason = 'DISABLED';
        p = 0.75;
      } else if (m.ill) {
        reason = 'ILL';
        p = 0.65;
      }
      if (!reason || !rng.chance(p)) continue;
      let carer: Work | null = null;
      let best = 0;
      for (const c of works) {
        if (c === m || !c.able) continue;
        let weight = c.s.male ? 1 : 3;
        if (isParent(c, m)) weight *= 4;
        if (isParent(m, c)) weight *= 3;
        if (c.s.spouse >= 0 && works[c.s.spouse] === m) weight *= 4;
        weight *= 0.5 + rng.next();
        if (weight > best) {
          best = weight;
          carer = c;
        }
      }
      if (!carer) continue;
      let since: number;
      if (reason === 'CHILD') since = m.s.birth;
      else if (reason === 'ELDERLY') since = Math.max(this.today - rng.range(60, 3650), birthdayAt(m.s.birth, 65));
      else if (reason === 'DISABLED') since = Math.max(this.today - rng.range(180, 5000), m.s.birth);
      else since = this.today - rng.range(60, 2000);
      since = Math.min(since, this.today);
      carer.care = true;
      carer.p.careDuties.push({ reason, caredForName: m.p.name, since: isoOf(since) } satisfies DemoCareDuty);
    }
  }

  private planTransfer(rng: Rng, w: Work): TransferPlan | null {
    const plan = this.plan;
    const batches = plan.batchDay.length - 1;
    for (let attempt = 0; attempt < 4; attempt++) {
      const batch = 1 + rng.int(batches);
      const departed = plan.batchDay[batch];
      if (birthdayAt(w.s.birth, 18) > departed) continue;
      const postings = plan.batchPostings[batch];
      const posting = postings[rng.int(postings.length)];
      const start = Math.min(this.today, departed + rng.range(1, 3));
      let retained = rng.chance(0.87);
      let left = -1;
      if (!retained) {
        left = start + rng.range(30, 420);
        if (left >= this.today - 7) retained = true;
      }
      const wage = roundTo(plan.reference.partnerPostings[posting - 1].monthlyWage * rng.mid(0.9, 1.12), 10);
      return { batch, posting, start, retained, left, wage };
    }
    return null;
  }

  /** A pre-departure course ending shortly before the transfer; the transfer is the job found. */
  private enrolBeforeTransfer(rng: Rng, w: Work): void {
    const plan = this.plan;
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
      if (this.classLeft[c] > 0 && PRE_DEPARTURE_KINDS.has(plan.classKind[c]) && plan.classStart[c] >= w.turned16) candidates.push(c);
    }
    if (candidates.length === 0) return;
    const c = candidates[rng.int(candidates.length)];
    this.classLeft[c]--;
    const duration = plan.classDuration[c];
    const attendance = duration - (rng.chance(0.6) ? 0 : rng.range(0, Math.ceil(duration * 0.08)));
    w.p.enrolments.push({
      id: this.nextEnrolment++,
      classId: c,
      enrolledOn: isoOf(Math.min(this.today, plan.classStart[c] - rng.range(3, 20))),
      attendanceDays: attendance,
      status: 'COMPLETED',
      completedOn: isoOf(plan.classEnd[c]),
      employedOn: isoOf(t.start),
    });
    w.trainKind = plan.classKind[c];
    w.trainTrade = plan.classTrade[c];
  }

  /** A class of the list with a free place, starting in [notBefore, notAfter]; -1 if none. */
  private findClass(rng: Rng, list: number[] | undefined, notAfter: number, notBefore: number): number {
    if (!list || list.length === 0) return -1;
    const plan = this.plan;
    const first = rng.int(list.length);
    for (let k = 0; k < list.length; k++) {
      const c = list[(first + k) % list.length];
      if (this.classLeft[c] > 0 && plan.classStart[c] <= notAfter && plan.classStart[c] >= notBefore) return c;
    }
    return -1;
  }

  private enrol(rng: Rng, w: Work): void {
    const plan = this.plan;
    const today = this.today;
    const wish = w.p.trainingWish;
    const trades = w.s.male ? TRADE_WEIGHTS_MALE : TRADE_WEIGHTS_FEMALE;
    const kind = COURSE_KINDS_PICK.pick(rng);
    const trade: Trade = wish && rng.chance(0.75) ? wish : trades.pick(rng);
    const latest = today + 30;
    let c = kind === 'ENTREPRENEURSHIP' ? -1 : this.findClass(rng, plan.classesByTradeKind.get(`${trade}|${kind}`), latest, w.turned16);
    if (c < 0 && (kind === 'ENTREPRENEURSHIP' || !wish || rng.chance(0.5))) c = this.findClass(rng, plan.classesByKind.get(kind), latest, w.turned16);
    if (c < 0) c = this.findClass(rng, plan.classesByTrade.get(trade), latest, w.turned16);
    if (c < 0) c = this.findClass(rng, plan.classesByTrade.get(trades.pick(rng)), latest, w.turned16);
    if (c < 0) return;
    // an earlier short course for some
    if (rng.chance(0.12)) {
      const other = this.findClass(rng, plan.classesByKind.get('SHORT_PRACTICAL'), plan.classStart[c] - 40, w.turned16);
      if (other > 0 && plan.classEnd[other] < plan.classStart[c] - 5) {
        this.classLeft[other]--;
        this.pushEnrolment(rng, w, other, false);
      }
    }
    this.classLeft[c]--;
    const e = this.pushEnrolment(rng, w, c, true);
    w.trainKind = plan.classKind[c];
    w.trainTrade = plan.classTrade[c];
    if (e.employedOn) w.trainEmployed = dayOf(e.employedOn);
  }

  private pushEnrolment(rng: Rng, w: Work, c: number, mayLeadToJob: boolean): DemoEnrolment {
    const plan = this.plan;
    const today = this.today;
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
      id: this.nextEnrolment++,
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

  // -------------------------------------------------------------------------------------
  // One labourer's six clarities, jobs, subsidies, certificates, follow-ups

  private labourer(rng: Rng, w: Work, v: number, ti: number, poor: boolean): void {
    const plan = this.plan;
    const today = this.today;
    const p = w.p;
    const t = w.transfer;

    if (w.able) {
      // --- employment spells
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
          w.current = this.newSpell(rng, w, v, ti, poor, earliest, -1);
        }
      } else if (w.employed) {
        w.current = this.newSpell(rng, w, v, ti, poor, w.turned16, w.trainEmployed);
      }
      if (w.current && w.current !== w.spells[0]) w.spells.push(w.current);
      for (const s of w.spells) firstFixed = Math.min(firstFixed, s.start);
      if (!w.employed && !t && rng.chance(0.55)) {
        // lost or left a job some time ago
        const end = today - rng.range(20, 540);
        if (end - 60 > w.turned16) {
          const start = Math.max(w.turned16, end - rng.range(60, 900));
          w.spells.push(this.pastSpell(rng, w, v, ti, poor, start, end));
          firstFixed = start;
        }
      }
      const nPrior = w.s.age < 21 ? rng.weightedIndex(PRIOR_JOBS_YOUNG) : rng.weightedIndex(PRIOR_JOBS);
      let next = firstFixed;
      for (let k = 0; k < nPrior; k++) {
        const end = next - rng.range(7, 150);
        if (end - 30 < w.turned16) break;
        const start = Math.max(w.turned16, end - rng.range(60, 1000));
        w.spells.push(this.pastSpell(rng, w, v, ti, poor, start, end));
        next = start;
      }
      sortSmall(w.spells, byStart);
      for (const s of w.spells) {
        p.employments.push({
          id: this.nextEmployment++,
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

    // --- statuses (six clarities)
    const current = w.current;
    w.away = current !== null && (current.place === 'OUT_OF_PROVINCE' || current.place === 'OUT_OF_COUNTY_IN_PROVINCE');
    p.populationStatus = w.student ? 'STUDENT' : w.military ? 'MILITARY_SERVICE' : w.other ? 'OTHER' : w.away ? 'AWAY' : 'AT_HOME';
    if (current) p.employmentStatus = 'EMPLOYED';
    else if (w.unable) p.employmentStatus = 'UNABLE_TO_WORK';
    else if (w.able) p.employmentStatus = rng.chance(w.care ? 0.3 : w.s.age > 55 ? 0.4 : 0.6) ? 'UNEMPLOYED' : 'NOT_SEEKING';
    else p.employmentStatus = 'NOT_SEEKING';
    p.employmentIntention = this.intention(rng, w);

    // --- skills and certificates
    let skill = w.student ? (rng.chance(0.9) ? 0 : 1) : SKILL_BY_EDUCATION[p.education].pick(rng);
    if (!w.student && skill > 0 && w.s.age >= 20 && rng.chance(CERTIFIED_BY_SKILL[skill])) {
      const grade = GRADE_BY_SKILL[skill];
      const issued = Math.max(birthdayAt(w.s.birth, 18), today - rng.range(200, 4000));
      if (issued < today) p.certificates.push(this.certificate(CERTIFIED_TRADES.pick(rng), grade, issued, null));
    }
    for (const e of p.enrolments) {
      if (e.status !== 'COMPLETED') continue;
      const kind = plan.classKind[e.classId];
      if (!rng.chance(CERTIFIED[kind])) continue;
      const issued = dayOf(e.completedOn!) + rng.range(15, 45);
      if (issued > today) continue;
      const grade: SkillGrade = kind === 'MEDIUM_TERM' ? (rng.chance(0.25) ? 4 : 5) : kind === 'ORDER_BASED' || kind === 'DIRECTED' ? (rng.chance(0.15) ? 4 : 5) : 5;
      p.certificates.push(this.certificate(plan.classTrade[e.classId], grade, issued, e.id));
    }
    sortSmall(p.certificates, byIssued);
    for (const c of p.certificates) skill = Math.max(skill, c.grade === 5 ? 1 : c.grade === 4 ? 2 : c.grade === 3 ? 3 : 4);
    p.skillLevel = SKILL_LEVELS[skill];
    if (p.trainingWish && p.enrolments.some((e) => e.status === 'COMPLETED') && rng.chance(0.5)) p.trainingWish = null;

    // --- monthly verification
    const r = rng.next();
    p.verifiedOn =
      r < 0.9
        ? isoOf(this.monthStart + rng.int(today - this.monthStart + 1))
        : r < 0.97
          ? isoOf(this.monthStart - rng.range(1, 30))
          : r < 0.99
            ? isoOf(this.monthStart - rng.range(31, 180))
            : null;

    if (!w.able) return;

    // --- job-fair intentions that came to nothing
    const pIntent = p.employmentStatus === 'UNEMPLOYED' ? 0.22 : current ? 0.03 : 0.05;
    if (rng.chance(pIntent)) {
      const n = rng.chance(0.25) ? 2 : 1;
      for (let k = 0; k < n; k++) this.unrealisedIntention(rng, w);
    }
    sortSmall(p.jobFairIntentions, byReached);

    // --- transfer, follow-ups, contact attempts
    if (t) this.transferRecords(rng, w, poor);

    // --- subsidies
    const subsidies: { kind: SubsidyKind; amount: number; paidOn: number }[] = [];
    if (poor && current && rng.chance(0.72)) {
      const paid = Math.max(current.start, SUBSIDY_SINCE) + rng.range(30, 150);
      if (paid <= today) subsidies.push({ kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paidOn: paid });
    }
    if (p.transfer && p.transfer.fareReimbursed) {
      const fare = p.transfer.cityCode === '4403' ? rng.range(420, 650) : rng.range(560, 900);
      subsidies.push({ kind: 'TRAVEL_FARE', amount: fare, paidOn: Math.min(today, t!.start + rng.range(15, 60)) });
    }
    if (poor) {
      for (const e of p.enrolments) {
        if (plan.classKind[e.classId] !== 'MEDIUM_TERM' || e.status === 'ENROLLED' || e.attendanceDays === 0) continue;
        const paid = plan.classEnd[e.classId] + rng.range(10, 40);
        if (paid <= today) subsidies.push({ kind: 'TRAINING_LIVING', amount: 50 * e.attendanceDays, paidOn: paid });
      }
    }
    if (p.welfarePost) this.welfarePayments(p.welfarePost.startsOn, p.welfarePost.endsOn, w.welfareAnnual, subsidies);
    if (poor && current && current.kind === 'SELF_EMPLOYED' && rng.chance(0.3)) {
      const paid = current.start + rng.range(60, 240);
      if (paid <= today) subsidies.push({ kind: 'ENTREPRENEURSHIP', amount: rng.pick([3000, 5000, 5000, 10000]), paidOn: paid });
    }
    sortSmall(subsidies, byPaid);
    for (const s of subsidies) p.subsidies.push({ id: this.nextSubsidy++, kind: s.kind, amount: s.amount, paidOn: isoOf(s.paidOn) } satisfies DemoSubsidy);
  }

  private certificate(trade: Trade, grade: SkillGrade, issued: number, enrolmentId: number | null): DemoCertificate {
    const id = this.nextCertificate++;
    return { id, trade, grade, number: `S${COUNTY.code}${yearOf(issued)}${pad(id, 8)}`, issuedOn: isoOf(issued), enrolmentId };
  }

  private intention(rng: Rng, w: Work): EmploymentIntention {
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
  private kindWeights(w: Work, poor: boolean, base: Readonly<Record<EmploymentKind, number>>): Record<EmploymentKind, number> {
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
  private newSpell(rng: Rng, w: Work, v: number, ti: number, poor: boolean, earliest: number, fixedStart: number): Spell {
    const today = this.today;
    let kind: EmploymentKind;
    if (fixedStart >= 0) kind = this.kindAfterTraining(rng, w, poor);
    else {
      const weights = this.kindWeights(w, poor, w.floor ? FLOOR_KIND_WEIGHTS : BASE_KIND_WEIGHTS);
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
      const post = this.freePost(v);
      if (post > 0) {
        const start = Math.min(latest, Math.max(startFor('PUBLIC_WELFARE_POST'), this.postFreeFrom[post]));
        return this.takePost(w, v, post, start, null);
      }
      const weights = this.kindWeights(w, poor, w.floor ? FLOOR_KIND_WEIGHTS : BASE_KIND_WEIGHTS);
      weights.PUBLIC_WELFARE_POST = 0;
      kind = pickKind(rng, weights);
    }
    // a job found at a job fair (达成意向 → hired)
    if (
      fixedStart < 0 &&
      (kind === 'LOCAL_ENTERPRISE' || kind === 'POVERTY_WORKSHOP' || kind === 'TRANSFER_IN_PROVINCE' || kind === 'TRANSFER_OUT_OF_PROVINCE') &&
      rng.chance(0.1)
    ) {
      const fromFair = this.jobFromFair(rng, w, ti, kind, earliest);
      if (fromFair) return fromFair;
    }
    return this.job(rng, v, ti, kind, startFor(kind), null, 1);
  }

  private kindAfterTraining(rng: Rng, w: Work, poor: boolean): EmploymentKind {
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
          const weights = this.kindWeights(w, poor, BASE_KIND_WEIGHTS);
          weights.PUBLIC_WELFARE_POST = 0;
          kind = pickKind(rng, weights);
        }
      }
    }
    if ((kind === 'TRANSFER_OUT_OF_PROVINCE' || kind === 'TRANSFER_IN_PROVINCE') && (w.s.age < 17 || ((w.care || (w.grade > 0 && w.grade <= 2)) && rng.chance(0.9))))
      kind = 'LOCAL_ENTERPRISE';
    return kind;
  }

  private pastSpell(rng: Rng, w: Work, v: number, ti: number, poor: boolean, start: number, end: number): Spell {
    const weights = { ...PRIOR_KIND_WEIGHTS };
    if (!poor) weights.PUBLIC_WELFARE_POST *= 0.15;
    if (w.p.welfarePost) weights.PUBLIC_WELFARE_POST = 0;
    let kind = pickKind(rng, weights);
    if (kind === 'PUBLIC_WELFARE_POST') {
      const post = this.freePost(v);
      const from = post > 0 ? Math.max(start, this.postFreeFrom[post]) : 0;
      if (post > 0 && from < end - 30) return this.takePost(w, v, post, from, end);
      weights.PUBLIC_WELFARE_POST = 0;
      kind = pickKind(rng, weights);
    }
    if ((kind === 'POVERTY_WORKSHOP' || kind === 'HOME_BASED') && start < WORKSHOPS_SINCE) kind = 'FLEXIBLE';
    return this.job(rng, v, ti, kind, start, end, 0.92);
  }

  private freePost(v: number): number {
    const first = this.plan.villagePostFirst[v];
    const count = this.plan.villagePostCount[v];
    for (let id = first; id < first + count; id++) if (!this.postTaken[id]) return id;
    return 0;
  }

  private takePost(w: Work, v: number, post: number, start: number, end: number | null): Spell {
    const ref = this.plan.reference.welfarePosts[post - 1];
    if (end === null) this.postTaken[post] = 1;
    else this.postFreeFrom[post] = end + 1;
    w.welfareAnnual = ref.annualAllowance;
    w.p.welfarePost = { postId: post, startsOn: isoOf(start), endsOn: end === null ? null : isoOf(end) };
    return {
      kind: 'PUBLIC_WELFARE_POST',
      place: 'IN_TOWNSHIP',
      employerId: null,
      employerName: this.plan.villageCommittee[v],
      location: this.plan.villageLocation[v],
      start,
      end,
      wage: Math.round(ref.annualAllowance / 12),
    };
  }

  /** A local employer of the group, in the township if asked and possible, else anywhere in the county. */
  private localEmployer(rng: Rng, ti: number, group: 0 | 1 | 2, inTownship: boolean): number {
    const own = this.plan.localEmployers[ti][group];
    if (inTownship && own.length > 0) return own[rng.int(own.length)];
    const all = this.plan.localEmployersAll[group];
    return all[rng.int(all.length)];
  }

  /** Employer, place, location and wage for a job of the kind. */
  private job(rng: Rng, v: number, ti: number, kind: EmploymentKind, start: number, end: number | null, wageFactor: number): Spell {
    const plan = this.plan;
    let place: EmploymentPlace = 'IN_TOWNSHIP';
    let employerId: number | null = null;
    let employerName: string;
    let location: string;
    switch (kind) {
      case 'LOCAL_ENTERPRISE':
      case 'POVERTY_WORKSHOP':
      case 'HOME_BASED': {
        const group = kind === 'LOCAL_ENTERPRISE' ? 0 : 1;
        employerId = this.localEmployer(rng, ti, group, rng.chance(kind === 'LOCAL_ENTERPRISE' ? 0.35 : kind === 'POVERTY_WORKSHOP' ? 0.75 : 1));
        employerName = plan.reference.employers[employerId - 1].name;
        if (kind === 'HOME_BASED') {
          place = 'IN_TOWNSHIP';
          location = plan.villageLocation[v];
        } else {
          place = plan.employerTownship[employerId] === ti ? 'IN_TOWNSHIP' : 'IN_COUNTY';
          location = plan.employerLocation[employerId];
        }
        break;
      }
      case 'FARMING':
        if (rng.chance(0.45)) {
          employerId = this.localEmployer(rng, ti, 2, true);
          employerName = plan.reference.employers[employerId - 1].name;
          place = plan.employerTownship[employerId] === ti ? 'IN_TOWNSHIP' : 'IN_COUNTY';
          location = plan.employerLocation[employerId];
        } else {
          employerName = rng.pick(FARMING_JOBS);
          location = plan.villageLocation[v];
        }
        break;
      case 'FLEXIBLE':
      case 'SELF_EMPLOYED': {
        employerName = rng.pick(kind === 'FLEXIBLE' ? FLEXIBLE_JOBS : SELF_EMPLOYED_JOBS);
        const inTownship = rng.chance(kind === 'FLEXIBLE' ? 0.55 : 0.6);
        place = inTownship ? 'IN_TOWNSHIP' : 'IN_COUNTY';
        const where = inTownship ? ti : (ti + 1 + rng.int(plan.townshipNames.length - 1)) % plan.townshipNames.length;
        location = `${COUNTY.name}${plan.townshipNames[where]}`;
        break;
      }
      case 'TRANSFER_IN_PROVINCE':
        place = 'OUT_OF_COUNTY_IN_PROVINCE';
        if (rng.chance(0.65) && plan.inProvinceEmployers.length > 0) {
          employerId = rng.pick(plan.inProvinceEmployers);
          employerName = plan.reference.employers[employerId - 1].name;
          location = plan.employerLocation[employerId];
        } else {
          const [loc, city] = rng.pick(SELF_FOUND_IN_PROVINCE);
          location = loc;
          employerName = `${city}${brand(rng)}${rng.pick(CITY_INDUSTRIES)}有限公司`;
        }
        break;
      default: // TRANSFER_OUT_OF_PROVINCE (never PUBLIC_WELFARE_POST: takePost makes those)
        place = 'OUT_OF_PROVINCE';
        if (rng.chance(0.15) && plan.partnerEmployers.length > 0) {
          employerId = rng.pick(plan.partnerEmployers);
          employerName = plan.reference.employers[employerId - 1].name;
          location = plan.employerLocation[employerId];
        } else {
          const [loc, city] = rng.pick(SELF_FOUND_OUT_OF_PROVINCE);
          location = loc;
          employerName = `${city}${brand(rng)}${rng.pick(CITY_INDUSTRIES)}有限公司`;
        }
    }
    const [lo, hi] = WAGES[kind];
    const wage = roundTo(rng.mid(lo, hi) * wageFactor, 10);
    return { kind, place, employerId, employerName, location, start, end, wage };
  }

  /** A current job hired through a job fair: the fair's posting decides the employer. */
  private jobFromFair(rng: Rng, w: Work, ti: number, kind: EmploymentKind, earliest: number): Spell | null {
    const plan = this.plan;
    const today = this.today;
    const fairs = plan.fairs;
    const group = kind === 'TRANSFER_IN_PROVINCE' ? 1 : kind === 'TRANSFER_OUT_OF_PROVINCE' ? 2 : 0;
    const first = rng.int(fairs.length);
    for (let k = 0; k < fairs.length; k++) {
      const fair = fairs[(first + k) % fairs.length];
      if (fair.day < earliest || fair.day > today - 6 || fair.open[group].length === 0) continue;
      const postingId = fair.open[group][rng.int(fair.open[group].length)];
      const posting = plan.reference.jobPostings[postingId - 1];
      const employerId = posting.employerId;
      const g = plan.employerGroup[employerId];
      const reached = Math.min(today, fair.day + (plan.reference.jobFairs[fair.id - 1].online ? rng.range(0, 6) : 0));
      const start = Math.min(today - 1, reached + rng.range(5, 35));
      w.p.jobFairIntentions.push({ fairId: fair.id, postingId, reachedOn: isoOf(reached) } satisfies DemoJobFairIntention);
      let place = PLACE_BY_GROUP[g];
      if (g <= 2) place = plan.employerTownship[employerId] === ti ? 'IN_TOWNSHIP' : 'IN_COUNTY';
      return {
        kind: KIND_BY_GROUP[g],
        place,
        employerId,
        employerName: plan.reference.employers[employerId - 1].name,
        location: plan.employerLocation[employerId],
        start,
        end: null,
        wage: roundTo(rng.range(posting.monthlyWageMin, posting.monthlyWageMax), 10),
      };
    }
    return null;
  }

  private unrealisedIntention(rng: Rng, w: Work): void {
    const fairs = this.plan.fairs;
    const fair = fairs[rng.int(fairs.length)];
    if (fair.day < w.turned16) return;
    const r = rng.next();
    const group = w.care ? 0 : r < 0.55 ? 0 : r < 0.8 ? 1 : 2;
    const open = fair.open[group];
    if (open.length === 0) return;
    const postingId = open[rng.int(open.length)];
    if (w.p.jobFairIntentions.some((i) => i.fairId === fair.id && i.postingId === postingId)) return;
    const online = this.plan.reference.jobFairs[fair.id - 1].online;
    w.p.jobFairIntentions.push({ fairId: fair.id, postingId, reachedOn: isoOf(Math.min(this.today, fair.day + (online ? rng.range(0, 6) : 0))) });
  }

  private welfarePayments(startsOn: string, endsOn: string | null, annual: number, out: { kind: SubsidyKind; amount: number; paidOn: number }[]): void {
    const today = this.today;
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

  private transferRecords(rng: Rng, w: Work, poor: boolean): void {
    const plan = this.plan;
    const today = this.today;
    const t = w.transfer!;
    const p = w.p;
    const batch = plan.reference.transferBatches[t.batch - 1];
    const posting = plan.reference.partnerPostings[t.posting - 1];
    // people who move away often change numbers
    if (p.phoneValid && rng.chance(0.12)) p.phoneValid = false;
    const fare = poor && rng.chance(0.92) && t.start + 60 <= today;
    p.transfer = {
      id: this.nextTransfer++,
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
      visit.id = this.nextFollowUp++;
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
        id: this.nextContact++,
        attemptedAt: timestampOf(d, minute),
        channel,
        outcome,
        note: outcome === 'REACHED_WORKING' ? (rng.chance(0.3) ? '在岗，工作稳定' : null) : noteFor(rng, outcome),
      } satisfies DemoContactAttempt);
    }
  }

  private leftBehind(rng: Rng, works: Work[], type: HouseholdType): void {
    const n = works.length;
    for (let i = 0; i < n; i++) {
      const w = works[i];
      const age = w.s.age;
      if (age < 16) {
        // 留守儿童: every parent living in the household works away
        let parents = 0;
        let away = 0;
        if (w.s.father >= 0) {
          parents++;
          if (works[w.s.father].away || works[w.s.father].military) away++;
        }
        if (w.s.mother >= 0) {
          parents++;
          if (works[w.s.mother].away || works[w.s.mother].military) away++;
        }
        if (parents > 0 && away === parents) w.p.leftBehind = 'CHILD';
      } else if (age >= 60) {
        // 留守老人: every adult child in the household works away (or the children live elsewhere)
        let adults = 0;
        let gone = 0;
        for (let j = 0; j < n; j++) {
          const c = works[j];
          if (!c.labour || (c.s.father !== i && c.s.mother !== i)) continue;
          adults++;
          if (c.away || c.military || c.student) gone++;
        }
        if (adults > 0) {
          if (gone === adults) w.p.leftBehind = 'ELDERLY';
        } else if ((type === 'ELDERLY_COUPLE' || type === 'SOLITARY_ELDERLY') && rng.chance(0.55)) w.p.leftBehind = 'ELDERLY';
      } else if (!w.s.male && w.labour && w.p.populationStatus === 'AT_HOME' && w.s.spouse >= 0) {
        const husband = works[w.s.spouse];
        if (husband.away || husband.military) w.p.leftBehind = 'WOMAN';
      }
    }
  }

  private assistance(rng: Rng, type: HouseholdType, status: PovertyStatus | null, works: Work[]): DemoAssistance[] {
    const today = this.today;
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

  private relocate(rng: Rng, ti: number): number | null {
    const sites = this.plan.siteTownship;
    const own: number[] = [];
    for (let s = 0; s < sites.length; s++) if (sites[s] === ti) own.push(s);
    const order: number[] = own.length > 0 && rng.chance(0.6) ? own : [];
    const first = rng.int(sites.length);
    for (let k = 0; k < sites.length; k++) order.push((first + k) % sites.length);
    for (const s of order) {
      if (this.siteLeft[s] > 0) {
        this.siteLeft[s]--;
        return s + 1;
      }
    }
    return null;
  }
}

function malformed(rng: Rng): string {
  const m = mobile(rng);
  const r = rng.next();
  if (r < 0.4) return m.slice(0, 10); // a digit missing
  if (r < 0.7) return m + rng.int(10); // a digit too many
  if (r < 0.85) return '12' + m.slice(2); // no such prefix
  return `0871-${pad(rng.int(10_000_000), 7)}`; // a landline where a mobile was asked for
}

// ---------------------------------------------------------------------------------------
// The public entry point
// ---------------------------------------------------------------------------------------

function normaliseOptions(options: DemoOptions = {}): Required<DemoOptions> {
  const seed = options.seed ?? DEFAULT_OPTIONS.seed;
  const workers = options.workers ?? DEFAULT_OPTIONS.workers;
  const today = options.today ?? DEFAULT_OPTIONS.today;
  if (!Number.isInteger(seed)) throw new Error('demo: seed must be an integer');
  if (!Number.isInteger(workers) || workers < 1) throw new Error('demo: workers must be a positive integer');
  const day = dayOf(today);
  if (yearOf(day) < 2021 || yearOf(day) > 2090) throw new Error('demo: today must be between 2021 and 2090');
  return { seed: seed | 0, workers, today };
}

/** Creates the demo county: reference tables now, households on demand (streamed). */
export function createDemoCounty(options?: DemoOptions): DemoCounty {
  const opts = normaliseOptions(options);
  const householdCount = countHouseholds(opts);
  const plan = buildPlan(opts, householdCount);
  let samples: { idNumber: string; why: string }[] | null = null;

  function* households(batchSize = 1000): Generator<DemoHousehold[]> {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('demo: batchSize must be a positive integer');
    const walker = new Walker(plan);
    for (let start = 0; start < householdCount; start += batchSize) {
      const end = Math.min(householdCount, start + batchSize);
      const batch: DemoHousehold[] = new Array(end - start);
      for (let i = start; i < end; i++) batch[i - start] = walker.household(i);
      yield batch;
    }
  }

  return {
    options: { ...opts },
    reference: plan.reference,
    households,
    sampleIdNumbers() {
      samples ??= findSamples(plan, households);
      return samples.map((s) => ({ ...s }));
    },
  };
}

/** Walks the first households and picks one person for each interesting situation. */
function findSamples(plan: Plan, households: (batchSize?: number) => Generator<DemoHousehold[]>): { idNumber: string; why: string }[] {
  const today = plan.options.today;
  type Test = (h: DemoHousehold, p: DemoPerson) => boolean;
  const current = (p: DemoPerson) => p.employments.find((e) => e.endsOn === null);
  const cases: [string, Test][] = [
    [
      'transferred to a partner city after training, holds a certificate, and has a care duty at home',
      (_h, p) => p.transfer !== null && p.certificates.length > 0 && p.careDuties.length > 0,
    ],
    [
      'transferred to a partner city and holds a certificate from the pre-departure training',
      (_h, p) => p.transfer !== null && p.certificates.some((c) => c.enrolmentId !== null) && p.enrolments.some((e) => e.employedOn === p.transfer!.startedOn),
    ],
    [
      'transferred worker with an invalid phone number: contact attempts end in 空号/停机',
      (_h, p) => p.transfer !== null && !p.phoneValid && p.contactAttempts.length > 0 && p.contactAttempts[p.contactAttempts.length - 1].outcome === 'INVALID_NUMBER',
    ],
    [
      'transferred worker who left the job: the last follow-up visit says no longer employed',
      (_h, p) => p.followUps.length > 0 && !p.followUps[p.followUps.length - 1].stillEmployed,
    ],
    ['transferred worker with a labour-rights case (劳动维权) at a follow-up visit', (_h, p) => p.followUps.some((f) => f.rightsCase)],
    [
      '"three-none" worker placed in a public-welfare post (兜底安置): registered poor household, care duty or disability',
      (h, p) => p.welfarePost !== null && p.welfarePost.endsOn === null && h.povertyStatus !== null && (p.careDuties.length > 0 || p.disability !== null),
    ],
    [
      'medium-term (3-month) trainee employed within 3 months, with the 50 yuan/day living allowance',
      (_h, p) =>
        p.subsidies.some((s) => s.kind === 'TRAINING_LIVING') &&
        p.enrolments.some((e) => e.employedOn !== null && e.completedOn !== null && dayOf(e.employedOn) - dayOf(e.completedOn) <= 92),
    ],
    [
      'hired through a job fair (达成意向 then employed)',
      (_h, p) =>
        p.jobFairIntentions.some((i) => current(p)?.startsOn !== undefined && i.reachedOn < current(p)!.startsOn && dayOf(current(p)!.startsOn) - dayOf(i.reachedOn) <= 40),
    ],
    [
      'unemployed labourer in a zero-employment household (零就业家庭) with a training wish',
      (h, p) => p.employmentStatus === 'UNEMPLOYED' && p.trainingWish !== null && h.members.every((m) => m.employmentStatus !== 'EMPLOYED'),
    ],
    ['labourer of a not-lifted (未脱贫) household, unemployed, wants work', (h, p) => h.povertyStatus === 'NOT_LIFTED' && p.employmentStatus === 'UNEMPLOYED'],
    [
      'member of a lifted-but-unstable (脱贫不稳定) household on 低保',
      (h, p) => h.povertyStatus === 'LIFTED_UNSTABLE' && p.inLabourRegistry && h.assistance.some((a) => a.kind === 'SUBSISTENCE_ALLOWANCE' && a.endsOn === null),
    ],
    [
      'left-behind woman (留守妇女) caring for a child and another family member while her husband works away',
      (_h, p) => p.leftBehind === 'WOMAN' && p.careDuties.some((d) => d.reason === 'CHILD') && p.careDuties.some((d) => d.reason !== 'CHILD'),
    ],
    [
      'left-behind child (留守儿童) whose parents both work away from the county',
      (h, p) => p.leftBehind === 'CHILD' && h.members.filter((m) => m.populationStatus === 'AWAY').length >= 2,
    ],
    [
      'special-hardship (特困供养) person living alone, not in the labour registry',
      (h, p) => h.members.length === 1 && !p.inLabourRegistry && h.assistance.some((a) => a.kind === 'SPECIAL_HARDSHIP'),
    ],
    ['relocated household (易地搬迁) member working in a poverty workshop — 上楼居住，下楼就业', (h, p) => h.relocationSiteId !== null && current(p)?.kind === 'POVERTY_WORKSHOP'],
    ['member of a household hit by sudden severe hardship (突发严重困难)', (h, p) => h.povertyStatus === 'SUDDEN_HARDSHIP' && p.inLabourRegistry],
    ['severely disabled labourer, unable to work', (_h, p) => p.employmentStatus === 'UNABLE_TO_WORK' && p.disability !== null && p.disability.grade <= 2],
  ];
  const found: ({ idNumber: string; why: string } | null)[] = cases.map(() => null);
  let remaining = cases.length;
  let seen = 0;
  const limit = Math.min(plan.householdCount, 60_000);
  for (const batch of households(2000)) {
    for (const h of batch) {
      for (const p of h.members) {
        for (let c = 0; c < cases.length; c++) {
          if (found[c] === null && cases[c][1](h, p) && !found.some((f) => f?.idNumber === p.idNumber)) {
            found[c] = { idNumber: p.idNumber, why: `${cases[c][0]} (${p.name}, ${p.age}, household ${h.code}, as of ${today})` };
            remaining--;
          }
        }
      }
      seen++;
      if (remaining === 0 || seen >= limit) break;
    }
    if (remaining === 0 || seen >= limit) break;
  }
  return found.filter((f): f is { idNumber: string; why: string } => f !== null);
}
