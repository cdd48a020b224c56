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
 *   round robin of cadres in each village (walk/state.ts: the Walk, passed to every step).
 *   Because households always come in the same order, these are the same for any batch size.
 * - The walk, by topic (walk/): household.ts (the order of a household's steps), people.ts
 *   (members, ID numbers, phones, who can work, care duties, left-behind), poverty.ts
 *   (registration and status history, responsible unit and cadre, relocation, assistance),
 *   labourer.ts (one labourer's records in order), employment.ts (spells, kind weights,
 *   intention), jobs.ts (employers, wages, welfare posts, job fairs), training.ts (enrolments,
 *   skills, certificates), transfer.ts (transfers, follow-ups, contacts), subsidies.ts. The
 *   tables they draw from are in tables.ts (employment kinds as EmploymentKind-keyed records);
 *   the sample ID numbers are found by samples.ts. The draws of a household happen in exactly
 *   this order: moving or adding one changes every later value of that household.
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
import { dayOf, yearOf } from './calendar';
import type { DemoCounty, DemoHousehold, DemoOptions } from './model';
import { buildPlan } from './reference';
import { countHouseholds } from './composition';
import { findSamples } from './samples';
import { household } from './walk/household';
import { createWalk } from './walk/state';

export const DEFAULT_OPTIONS: Required<DemoOptions> = { seed: 20260101, workers: 20000, today: '2026-11-20' };

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
    const walk = createWalk(plan);
    for (let start = 0; start < householdCount; start += batchSize) {
      const end = Math.min(householdCount, start + batchSize);
      const batch: DemoHousehold[] = new Array(end - start);
      for (let i = start; i < end; i++) batch[i - start] = household(walk, i);
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
