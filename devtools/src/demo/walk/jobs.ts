/**
 * Jobs of a kind: the employer, place, location and wage; public-welfare posts (one holder at a
 * time per post); jobs found at job fairs and intentions that came to nothing.
 */
import { isoOf } from '../calendar';
import type { DemoJobFairIntention, EmploymentKind, EmploymentPlace } from '../model';
import { brand, CITY_INDUSTRIES, FARMING_JOBS, FLEXIBLE_JOBS, SELF_EMPLOYED_JOBS } from '../names';
import { type Rng, roundTo } from '../random';
import { COUNTY, type EmployerGroup, type LocalEmployerGroup, POSTING_GROUP, type PostingGroup, SELF_FOUND_IN_PROVINCE, SELF_FOUND_OUT_OF_PROVINCE } from '../reference';
import { WAGES } from '../tables';
import type { Walk, Work, Spell } from './state';

/** A job found at a fair, by its employer's group: the kind of employment and (outside the county) its place. */
const KIND_BY_GROUP: Readonly<Record<EmployerGroup, EmploymentKind>> = {
  ENTERPRISE: 'LOCAL_ENTERPRISE',
  WORKSHOP: 'POVERTY_WORKSHOP',
  COOPERATIVE: 'FARMING',
  IN_PROVINCE: 'TRANSFER_IN_PROVINCE',
  PARTNER: 'TRANSFER_OUT_OF_PROVINCE',
};
const PLACE_BY_POSTING_GROUP: Readonly<Record<PostingGroup, EmploymentPlace>> = {
  LOCAL: 'IN_COUNTY',
  IN_PROVINCE: 'OUT_OF_COUNTY_IN_PROVINCE',
  OUT_OF_PROVINCE: 'OUT_OF_PROVINCE',
};

export function freePost(walk: Walk, v: number): number {
  const first = walk.plan.villagePostFirst[v];
  const count = walk.plan.villagePostCount[v];
  for (let id = first; id < first + count; id++) if (!walk.postTaken[id]) return id;
  return 0;
}

export function takePost(walk: Walk, w: Work, v: number, post: number, start: number, end: number | null): Spell {
  const ref = walk.plan.reference.welfarePosts[post - 1];
  if (end === null) walk.postTaken[post] = 1;
  else walk.postFreeFrom[post] = end + 1;
  w.welfareAnnual = ref.annualAllowance;
  w.p.welfarePost = { postId: post, startsOn: isoOf(start), endsOn: end === null ? null : isoOf(end) };
  return {
    kind: 'PUBLIC_WELFARE_POST',
    place: 'IN_TOWNSHIP',
    employerId: null,
    employerName: walk.plan.villageCommittee[v],
    location: walk.plan.villageLocation[v],
    start,
    end,
    wage: Math.round(ref.annualAllowance / 12),
  };
}

/** A local employer of the group, in the township if asked and possible, else anywhere in the county. */
function localEmployer(walk: Walk, rng: Rng, ti: number, group: LocalEmployerGroup, inTownship: boolean): number {
  const own = walk.plan.localEmployers[ti][group];
  if (inTownship && own.length > 0) return own[rng.int(own.length)];
  const all = walk.plan.localEmployersAll[group];
  return all[rng.int(all.length)];
}

/** Employer, place, location and wage for a job of the kind. */
export function job(walk: Walk, rng: Rng, v: number, ti: number, kind: EmploymentKind, start: number, end: number | null, wageFactor: number): Spell {
  const plan = walk.plan;
  let place: EmploymentPlace = 'IN_TOWNSHIP';
  let employerId: number | null = null;
  let employerName: string;
  let location: string;
  switch (kind) {
    case 'LOCAL_ENTERPRISE':
    case 'POVERTY_WORKSHOP':
    case 'HOME_BASED': {
      const group = kind === 'LOCAL_ENTERPRISE' ? 'ENTERPRISE' : 'WORKSHOP';
      employerId = localEmployer(walk, rng, ti, group, rng.chance(kind === 'LOCAL_ENTERPRISE' ? 0.35 : kind === 'POVERTY_WORKSHOP' ? 0.75 : 1));
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
        employerId = localEmployer(walk, rng, ti, 'COOPERATIVE', true);
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
export function jobFromFair(walk: Walk, rng: Rng, w: Work, ti: number, kind: EmploymentKind, earliest: number): Spell | null {
  const plan = walk.plan;
  const today = walk.today;
  const fairs = plan.fairs;
  const group: PostingGroup = kind === 'TRANSFER_IN_PROVINCE' ? 'IN_PROVINCE' : kind === 'TRANSFER_OUT_OF_PROVINCE' ? 'OUT_OF_PROVINCE' : 'LOCAL';
  const first = rng.int(fairs.length);
  for (let k = 0; k < fairs.length; k++) {
    const fair = fairs[(first + k) % fairs.length];
    if (fair.day < earliest || fair.day > today - 6 || fair.open[group].length === 0) continue;
    const postingId = fair.open[group][rng.int(fair.open[group].length)];
    const posting = plan.reference.jobPostings[postingId - 1];
    const employerId = posting.employerId;
    const g = plan.employerGroup[employerId - 1];
    const reached = Math.min(today, fair.day + (plan.reference.jobFairs[fair.id - 1].online ? rng.range(0, 6) : 0));
    const start = Math.min(today - 1, reached + rng.range(5, 35));
    w.p.jobFairIntentions.push({ fairId: fair.id, postingId, reachedOn: isoOf(reached) } satisfies DemoJobFairIntention);
    let place = PLACE_BY_POSTING_GROUP[POSTING_GROUP[g]];
    if (POSTING_GROUP[g] === 'LOCAL') place = plan.employerTownship[employerId] === ti ? 'IN_TOWNSHIP' : 'IN_COUNTY';
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

export function unrealisedIntention(walk: Walk, rng: Rng, w: Work): void {
  const fairs = walk.plan.fairs;
  const fair = fairs[rng.int(fairs.length)];
  if (fair.day < w.turned16) return;
  const r = rng.next();
  const group: PostingGroup = w.care ? 'LOCAL' : r < 0.55 ? 'LOCAL' : r < 0.8 ? 'IN_PROVINCE' : 'OUT_OF_PROVINCE';
  const open = fair.open[group];
  if (open.length === 0) return;
  const postingId = open[rng.int(open.length)];
  if (w.p.jobFairIntentions.some((i) => i.fairId === fair.id && i.postingId === postingId)) return;
  const online = walk.plan.reference.jobFairs[fair.id - 1].online;
  w.p.jobFairIntentions.push({ fairId: fair.id, postingId, reachedOn: isoOf(Math.min(walk.today, fair.day + (online ? rng.range(0, 6) : 0))) });
}
