/** The demo county's households: who lives together, drawn first from each household's own stream. */
import { ageOn, dayOf } from './calendar';
import type { DemoOptions, DisabilityGrade, Relationship } from './model';
import { clamp, Domain, Rng } from './random';

/** The kind of household, drawn first; later draws (registration, disability, 特困) depend on it. */
export type HouseholdType = 'FAMILY' | 'ELDERLY_COUPLE' | 'SOLITARY_ELDERLY' | 'SOLITARY_DISABLED' | 'SINGLE_ADULT';

export interface Skeleton {
  rel: Relationship;
  male: boolean;
  birth: number;
  age: number;
  father: number;
  mother: number;
  spouse: number;
}

const KIDS_WEIGHTS = [0.05, 0.3, 0.42, 0.18, 0.05];
const GRANDKIDS_YOUNG = [0.4, 0.45, 0.15];
const GRANDKIDS_OLDER = [0.15, 0.45, 0.3, 0.1];
export const PRIOR_JOBS_YOUNG = [0.75, 0.25];
export const PRIOR_JOBS = [0.45, 0.38, 0.17];
export const SOLITARY_DISABLED_GRADES: DisabilityGrade[] = [1, 2, 2, 3];

function addMember(members: Skeleton[], rng: Rng, today: number, rel: Relationship, male: boolean, age: number, father = -1, mother = -1): number {
  const birth = today - Math.floor((Math.max(0, age) + rng.next()) * 365.2425);
  members.push({ rel, male, birth, age: ageOn(birth, today), father, mother, spouse: -1 });
  return members.length - 1;
}

function marry(members: Skeleton[], a: number, b: number): void {
  members[a].spouse = b;
  members[b].spouse = a;
}

export function composeHousehold(rng: Rng, today: number): { type: HouseholdType; members: Skeleton[] } {
  const members: Skeleton[] = [];
  const r = rng.next();
  if (r < 0.013) {
    addMember(members, rng, today, 'HEAD', rng.chance(0.45), rng.range(66, 92));
    return { type: 'SOLITARY_ELDERLY', members };
  }
  if (r < 0.018) {
    addMember(members, rng, today, 'HEAD', rng.chance(0.6), rng.range(25, 60));
    return { type: 'SOLITARY_DISABLED', members };
  }
  if (r < 0.063) {
    const headAge = rng.range(61, 86);
    const male = rng.chance(0.85);
    const h = addMember(members, rng, today, 'HEAD', male, headAge);
    if (rng.chance(0.85)) marry(members, h, addMember(members, rng, today, 'SPOUSE', !male, clamp(headAge + (male ? -rng.range(-1, 5) : rng.range(-1, 5)), 58, 95)));
    return { type: 'ELDERLY_COUPLE', members };
  }
  if (r < 0.093) {
    const headAge = rng.range(22, 58);
    const male = rng.chance(0.75);
    const h = addMember(members, rng, today, 'HEAD', male, headAge);
    if (rng.chance(0.4)) {
      const parentAge = headAge + rng.range(22, 32);
      if (parentAge <= 95) {
        const parent = addMember(members, rng, today, 'PARENT', rng.chance(0.35), parentAge);
        if (members[parent].male) members[h].father = parent;
        else members[h].mother = parent;
      }
    }
    return { type: 'SINGLE_ADULT', members };
  }

  // a family
  const bucket = rng.next();
  const headAge = bucket < 0.2 ? rng.range(24, 35) : bucket < 0.47 ? rng.range(36, 45) : bucket < 0.75 ? rng.range(46, 55) : rng.range(56, 72);
  const headMale = rng.chance(0.88);
  const h = addMember(members, rng, today, 'HEAD', headMale, headAge);
  let s = -1;
  if (rng.chance(headAge < 60 ? 0.93 : 0.8)) {
    const spouseAge = clamp(headAge + (headMale ? -rng.range(-1, 5) : rng.range(-1, 5)), 20, 95);
    s = addMember(members, rng, today, 'SPOUSE', !headMale, spouseAge);
    marry(members, h, s);
  }
  const father = headMale ? h : s;
  const mother = headMale ? s : h;
  const motherAge = mother >= 0 ? members[mother].age : headAge - 2;
  const nKids = rng.weightedIndex(KIDS_WEIGHTS);
  let kidAge = motherAge - rng.range(20, 27);
  for (let k = 0; k < nKids && kidAge >= 0; k++) {
    const male = rng.chance(0.52);
    const leaves = kidAge >= 22 && rng.chance(male ? (kidAge >= 30 ? 0.55 : 0.35) : 0.8);
    if (!leaves) {
      const c = addMember(members, rng, today, 'CHILD', male, kidAge, father, mother);
      if (male && kidAge >= 23 && rng.chance(0.72)) {
        const wife = addMember(members, rng, today, 'OTHER', false, clamp(kidAge - rng.range(-1, 4), 20, 90));
        marry(members, c, wife);
        const nGrand = rng.weightedIndex(kidAge < 27 ? GRANDKIDS_YOUNG : GRANDKIDS_OLDER);
        let gAge = members[wife].age - rng.range(20, 27);
        for (let g = 0; g < nGrand && gAge >= 0; g++) {
          addMember(members, rng, today, 'GRANDCHILD', rng.chance(0.52), gAge, c, wife);
          gAge -= rng.range(2, 5);
        }
      }
    }
    kidAge -= rng.range(2, 6);
  }
  if (headAge <= 60 && rng.chance(0.38)) {
    const parentAge = headAge + rng.range(23, 33);
    if (parentAge <= 95) {
      const both = rng.chance(0.55);
      if (both || rng.chance(0.35)) members[h].father = addMember(members, rng, today, 'PARENT', true, parentAge);
      if (both || members[h].father < 0) members[h].mother = addMember(members, rng, today, 'PARENT', false, clamp(parentAge - rng.range(-1, 5), 60, 97));
      if (members[h].father >= 0 && members[h].mother >= 0) marry(members, members[h].father, members[h].mother);
    }
  }
  if (rng.chance(0.025)) addMember(members, rng, today, 'SIBLING', rng.chance(0.7), clamp(headAge + rng.range(-8, 8), 16, 80));
  return { type: 'FAMILY', members };
}

export function isLabourAge(age: number): boolean {
  return age >= 16 && age <= 60;
}

/** How many households it takes to reach `workers` labourers. */
export function countHouseholds(options: Required<DemoOptions>): number {
  const today = dayOf(options.today);
  let labourers = 0;
  let n = 0;
  while (labourers < options.workers) {
    const { members } = composeHousehold(new Rng(options.seed, Domain.HOUSEHOLDS, n), today);
    for (const m of members) if (isLabourAge(m.age)) labourers++;
    n++;
  }
  return n;
}
