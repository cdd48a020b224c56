/**
 * The household's people: names, ID numbers, education, disability, phones; who can work; care
 * duties; who is left behind.
 */
import { makeIdNumber } from '@jiuye/common';
import { ageOn, birthdayAt, isoOf, yearOf } from '../calendar';
import type { CareReason, DemoCareDuty, DemoPerson, Education } from '../model';
import { givenName, SURNAMES } from '../names';
import { type Rng, pad } from '../random';
import { COUNTY, mobile } from '../reference';
import { type HouseholdType, type Skeleton, SOLITARY_DISABLED_GRADES, isLabourAge } from '../composition';
import { DISABILITY_KINDS, DISABILITY_GRADES, EDUCATION_BY_AGE, UNABLE_BY_GRADE } from '../tables';
import type { Walk, Work } from './state';

/** The household's members, in composition order: surnames, ID numbers, names and each person's own draws. */
export function members(walk: Walk, rng: Rng, skels: Skeleton[], type: HouseholdType, poor: boolean): Work[] {
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
    const idNumber = assignIdNumber(walk, s);
    const head = i === 0 ? null : works[0].p;
    // no two members of a household share a name (care duties name the person cared for)
    let name = surname + givenName(rng, s.male, yearOf(s.birth));
    for (let attempt = 0; attempt < 8 && works.some((w) => w.p.name === name); attempt++) name = surname + givenName(rng, s.male, yearOf(s.birth));
    works.push(person(rng, s, name, idNumber, type, poor, head ? head.phone : null, head ? head.phoneValid : false));
  }

  return works;
}

/** Who of the labour-age members can work: students, conscripts, unable, other, able. */
export function whoCanWork(rng: Rng, works: Work[], type: HouseholdType, poor: boolean): void {
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
}

/**
 * A unique ID number for the skeleton's birth date and sex (odd sequence = male); moves the
 * birth date to a neighbouring day (never across the 16th/61st birthday) if the date's
 * sequences are used up.
 */
function assignIdNumber(walk: Walk, s: Skeleton): string {
  const birth = s.birth;
  const idBase = walk.idBase;
  for (let step = 0; step < 4000; step++) {
    const day = step === 0 ? birth : birth + (step % 2 === 1 ? (step + 1) / 2 : -(step / 2));
    if (day > walk.today || day < idBase) continue;
    if (step > 0 && isLabourAge(ageOn(day, walk.today)) !== isLabourAge(s.age)) continue;
    const slot = (day - idBase) * 2 + (s.male ? 1 : 0);
    const k = walk.idSeq[slot];
    if (k >= (s.male ? 500 : 499)) continue;
    walk.idSeq[slot] = k + 1;
    const offset = (day * 7919) >>> 0;
    const sequence = s.male ? 2 * ((k * 211 + offset) % 500) + 1 : 2 * ((k * 211 + offset) % 499) + 2;
    if (day !== birth) {
      s.birth = day;
      s.age = ageOn(day, walk.today);
    }
    return makeIdNumber(COUNTY.code, isoOf(day), sequence);
  }
  throw new Error('demo: no ID number sequence left near ' + isoOf(birth));
}

function person(rng: Rng, s: Skeleton, name: string, idNumber: string, type: HouseholdType, poor: boolean, headPhone: string | null, headPhoneValid: boolean): Work {
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

export function careDuties(walk: Walk, rng: Rng, works: Work[]): void {
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
    else if (reason === 'ELDERLY') since = Math.max(walk.today - rng.range(60, 3650), birthdayAt(m.s.birth, 65));
    else if (reason === 'DISABLED') since = Math.max(walk.today - rng.range(180, 5000), m.s.birth);
    else since = walk.today - rng.range(60, 2000);
    since = Math.min(since, walk.today);
    carer.care = true;
    carer.p.careDuties.push({ reason, caredForName: m.p.name, since: isoOf(since) } satisfies DemoCareDuty);
  }
}

export function leftBehind(rng: Rng, works: Work[], type: HouseholdType): void {
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

function malformed(rng: Rng): string {
  const m = mobile(rng);
  const r = rng.next();
  if (r < 0.4) return m.slice(0, 10); // a digit missing
  if (r < 0.7) return m + rng.int(10); // a digit too many
  if (r < 0.85) return '12' + m.slice(2); // no such prefix
  return `0871-${pad(rng.int(10_000_000), 7)}`; // a landline where a mobile was asked for
}
