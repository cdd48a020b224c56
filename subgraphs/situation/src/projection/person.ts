import { ageOn } from '@jiuye/common';
import type { HouseholdFacts, HrWorkerRow, WorkerFacts } from './sources';

/**
 * One row of person_situation: a registry worker's facts from all five departments — hr's
 * registry columns as they are (worker_id for hr's id), then everything projected onto them.
 */
export interface PersonRow extends Omit<HrWorkerRow, 'id'> {
  worker_id: string;
  able_labourer: boolean;
  employment_id: number | null;
  employment_kind: string | null;
  employment_place: string | null;
  employer_name: string | null;
  employment_started_on: string | null;
  last_employment_ended_on: string | null;
  last_employment_end_reason: string | null;
  welfare_post_kind: string | null;
  poverty_status: string | null;
  poverty_status_since: string | null;
  assistance_kinds: string[];
  assistance_since: string | null;
  left_behind: string | null;
  disability_kind: string | null;
  disability_grade: number | null;
  care_reasons: string[];
  in_training: boolean;
  medium_term_completed_on: string | null;
  medium_term_institution_id: number | null;
  employed_after_training_on: string | null;
  certified_trades: string[];
  transfer_id: number | null;
  transfer_city_code: string | null;
  transfer_started_on: string | null;
  transfer_ended_on: string | null;
  last_follow_up_on: string | null;
  last_follow_up_still_employed: boolean | null;
  last_action_on: string | null;
  last_action: string | null;
  last_action_department: string | null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const isOpenOn = (endsOn: string | null, today: string) => endsOn === null || endsOn >= today;
const latest = <T>(items: T[], date: (item: T) => string | null): T | undefined =>
  items.reduce<T | undefined>((best, item) => {
    const d = date(item);
    return d !== null && (best === undefined || d > (date(best) ?? '')) ? item : best;
  }, undefined);

interface Action {
  on: string;
  what: string;
  department: string;
}

/**
 * Who can work (劳动力): aged 16–60 (the registry), not a student or serving, not declared
 * unable to work, and without a disability of grade 1–2 (the most severe).
 */
export function isAbleLabourer(age: number, populationStatus: string, employmentStatus: string, disabilityGrade: number | null): boolean {
  return (
    age >= 16 &&
    age <= 60 &&
    populationStatus !== 'STUDENT' &&
    populationStatus !== 'MILITARY_SERVICE' &&
    employmentStatus !== 'UNABLE_TO_WORK' &&
    !(disabilityGrade !== null && disabilityGrade <= 2)
  );
}

/** Merges the departments' rows into one row per registry worker, as of `today`. */
export function projectPeople(facts: WorkerFacts, households: HouseholdFacts, today: string): PersonRow[] {
  const employments = groupBy(facts.employments, (r) => r.worker_id);
  const subsidies = groupBy(facts.subsidies, (r) => r.worker_id);
  const intentions = groupBy(facts.intentions, (r) => r.worker_id);
  const assignments = groupBy(facts.assignments, (r) => r.worker_id);
  const verifications = groupBy(facts.verifications, (r) => r.worker_id);
  const civil = new Map(facts.civil.map((r) => [r.worker_id, r]));
  const careDuties = groupBy(facts.careDuties, (r) => r.worker_id);
  const enrolments = groupBy(facts.enrolments, (r) => r.worker_id);
  const certificates = groupBy(facts.certificates, (r) => r.worker_id);
  const transfers = groupBy(facts.transfers, (r) => r.worker_id);
  const followUps = groupBy(facts.followUps, (r) => String(r.transfer_id));
  const household = new Map(households.households.map((r) => [r.code, r]));
  const grants = groupBy(households.grants, (r) => r.household_code);

  return facts.workers.map((worker) => {
    const id = worker.id;
    const spells = employments.get(id) ?? [];
    const current =
      latest(
        spells.filter((s) => s.ends_on === null || s.ends_on >= today),
        (s) => s.starts_on,
      ) ?? null;
    const lastEnded = latest(
      spells.filter((s) => s.ends_on !== null && s.ends_on < today),
      (s) => s.ends_on,
    );
    const post = latest(
      (assignments.get(id) ?? []).filter((a) => isOpenOn(a.ends_on, today)),
      (a) => a.starts_on,
    );
    const poor = household.get(worker.household_code) ?? null;
    const openGrants = grants.get(worker.household_code) ?? [];
    const person = civil.get(id) ?? null;
    const duties = (careDuties.get(id) ?? []).filter((d) => d.since <= today && isOpenOn(d.until, today));
    const courses = enrolments.get(id) ?? [];
    const medium = latest(
      courses.filter((e) => e.course_kind === 'MEDIUM_TERM' && e.status === 'COMPLETED' && e.completed_on !== null),
      (e) => e.completed_on,
    );
    const transfer = latest(transfers.get(id) ?? [], (t) => t.started_on);
    const visit = transfer ? latest(followUps.get(String(transfer.id)) ?? [], (f) => f.visited_on) : undefined;
    const disabilityGrade = person?.disability_grade ?? null;

    const actions: Action[] = [];
    for (const s of spells) {
      actions.push({ on: s.starts_on, what: `就业登记：${s.employer_name}`, department: 'hr' });
      if (s.ends_on && s.ends_on <= today) actions.push({ on: s.ends_on, what: `就业结束：${s.employer_name}`, department: 'hr' });
    }
    for (const s of subsidies.get(id) ?? []) actions.push({ on: s.paid_on, what: `补贴发放 ${s.amount} 元`, department: 'hr' });
    for (const i of intentions.get(id) ?? []) actions.push({ on: i.reached_on, what: '招聘会达成就业意向', department: 'hr' });
    for (const a of assignments.get(id) ?? []) actions.push({ on: a.starts_on, what: '公益性岗位安置', department: 'hr' });
    for (const v of verifications.get(id) ?? []) actions.push({ on: v.verified_on, what: '月度动态核实', department: 'hr' });
    for (const e of courses) actions.push({ on: e.enrolled_on, what: '参加技能培训', department: 'training' });
    for (const t of transfers.get(id) ?? []) actions.push({ on: t.started_on, what: '有组织转移就业', department: 'partner' });
    if (transfer)
      for (const f of followUps.get(String(transfer.id)) ?? [])
        actions.push({ on: f.visited_on, what: f.still_employed ? '跟踪回访：在岗' : '跟踪回访：未在岗', department: 'partner' });
    const lastAction = latest(
      actions.filter((a) => a.on <= today),
      (a) => a.on,
    );

    return {
      worker_id: id,
      id_number: worker.id_number,
      name: worker.name,
      sex: worker.sex,
      birth_date: worker.birth_date,
      household_code: worker.household_code,
      village_code: worker.village_code,
      population_status: worker.population_status,
      employment_status: worker.employment_status,
      employment_intention: worker.employment_intention,
      skill_level: worker.skill_level,
      education: worker.education,
      training_wish: worker.training_wish,
      verified_on: worker.verified_on,
      able_labourer: isAbleLabourer(ageOn(worker.birth_date, today), worker.population_status, worker.employment_status, disabilityGrade),
      employment_id: current?.id ?? null,
      employment_kind: current?.kind ?? null,
      employment_place: current?.place ?? null,
      employer_name: current?.employer_name ?? null,
      employment_started_on: current?.starts_on ?? null,
      last_employment_ended_on: lastEnded?.ends_on ?? null,
      last_employment_end_reason: lastEnded?.end_reason ?? null,
      welfare_post_kind: post?.post_kind ?? null,
      poverty_status: poor?.poverty_status ?? null,
      poverty_status_since: poor?.status_since ?? null,
      assistance_kinds: [...new Set(openGrants.map((g) => g.kind))].sort(),
      assistance_since: openGrants.reduce<string | null>((min, g) => (min === null || g.starts_on < min ? g.starts_on : min), null),
      left_behind: person?.left_behind ?? null,
      disability_kind: person?.disability_kind ?? null,
      disability_grade: disabilityGrade,
      care_reasons: [...new Set(duties.map((d) => d.reason))].sort(),
      in_training: courses.some((e) => e.status === 'ENROLLED' && e.class_ends_on >= today),
      medium_term_completed_on: medium?.completed_on ?? null,
      medium_term_institution_id: medium?.institution_id ?? null,
      employed_after_training_on: medium?.employed_on ?? null,
      certified_trades: [...new Set((certificates.get(id) ?? []).map((c) => c.trade))].sort(),
      transfer_id: transfer?.id ?? null,
      transfer_city_code: transfer?.city_code ?? null,
      transfer_started_on: transfer?.started_on ?? null,
      transfer_ended_on: transfer?.ended_on ?? null,
      last_follow_up_on: visit?.visited_on ?? null,
      last_follow_up_still_employed: visit?.still_employed ?? null,
      last_action_on: lastAction?.on ?? null,
      last_action: lastAction?.what.slice(0, 200) ?? null,
      last_action_department: lastAction?.department ?? null,
    };
  });
}
