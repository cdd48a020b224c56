import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  badInput,
  checkPageSize,
  conflict,
  containsIdNumber,
  decodeIdCursor,
  divisionCodeRange,
  ID_NUMBER_IN_TEXT_MESSAGE,
  InputProblems,
  notFound,
  type Page,
  parseRowId,
  RELAPSE_RULE_IDS,
  type PovertyStatus,
  requireDivisionCode,
  todayInChina,
  toPage,
} from '@jiuye/common';
import { RegisteredHousehold } from '../household/household.entity';
import { checkHouseholdCode, checkText } from '../household/household.service';
import { applyStatusChange } from '../status/status.service';
import {
  AssistanceMeasureKindVocabulary,
  MonitoringCase,
  MonitoringEntryRouteVocabulary,
  MonitoringMeasure,
  type MonitoringStep,
  MonitoringStepVocabulary,
  MonitoringTransition,
  OPEN_STEPS,
  RelapseRiskTypeVocabulary,
  type AssistanceMeasureKind,
  type MonitoringEntryRoute,
  type RelapseRiskType,
} from './monitoring.entity';
import type { MoveMonitoringCaseInput, OpenMonitoringCaseInput, RecordMonitoringMeasureInput } from './monitoring.inputs';

const NOTE_LENGTH = { min: 0, max: 200 };
const REASON_LENGTH = { min: 4, max: 200 };
const RESPONSIBLE_LENGTH = { min: 1, max: 60 };

/** Who takes each step: the depth of the account's region (village 12, township 9, county 6 digits). */
export const STEP_LEVEL: Record<'VILLAGE' | 'TOWNSHIP' | 'COUNTY', { digits: number; label: string }> = {
  VILLAGE: { digits: 12, label: 'village (村, 12-digit region)' },
  TOWNSHIP: { digits: 9, label: 'township (乡镇, 9-digit region)' },
  COUNTY: { digits: 6, label: 'county (县, 6-digit region)' },
};
export type StepLevel = keyof typeof STEP_LEVEL;

/** The steps a case may take from each step, and whose step it is. */
const NEXT: Partial<Record<MonitoringStep, { to: readonly MonitoringStep[]; level: StepLevel }>> = {
  CANDIDATE: { to: ['VILLAGE_REVIEWED', 'REJECTED'], level: 'VILLAGE' },
  VILLAGE_REVIEWED: { to: ['TOWNSHIP_CHECKED', 'REJECTED'], level: 'TOWNSHIP' },
  TOWNSHIP_CHECKED: { to: ['COUNTY_APPROVED', 'REJECTED'], level: 'COUNTY' },
  COUNTY_APPROVED: { to: ['EXITED'], level: 'COUNTY' },
};

export const stepLabel = (step: MonitoringStep) => `${MonitoringStepVocabulary.labels[step]} (${step})`;

/** Whose step leads from `from` to `to`, or why there is none (a closed case, a step out of order). */
export function stepOwner(from: MonitoringStep, to: MonitoringStep): { level: StepLevel } | { problem: string } {
  const next = NEXT[from];
  if (!next) return { problem: `the case is closed (${stepLabel(from)})` };
  if (!next.to.includes(to)) return { problem: `the case is at ${stepLabel(from)}; its next step is ${next.to.map(stepLabel).join(' or ')}` };
  return { level: next.level };
}

/** The monitored status 县审定 gives a household: 已脱贫 becomes 脱贫不稳定; the other statuses are already monitored or still poor. */
function monitoredStatus(status: PovertyStatus): PovertyStatus | null {
  return status === 'LIFTED' ? 'LIFTED_UNSTABLE' : null;
}

function checkNote(problems: InputProblems, note: string | null | undefined, field: string): string | null {
  if (note == null) return null;
  const text = checkText(problems, note, field, NOTE_LENGTH);
  // Notes are read by every officer of the region for years: the household is already named by the case.
  problems.check(!containsIdNumber(text), field, ID_NUMBER_IN_TEXT_MESSAGE, 'ID_NUMBER_IN_TEXT');
  return text === '' ? null : text;
}

function checkDate(problems: InputProblems, value: string, field: string): void {
  problems.check(value <= todayInChina(), field, 'must not be in the future');
}

export interface CaseFilter {
  region: string;
  step?: MonitoringStep | null;
  riskType?: RelapseRiskType | null;
  first: number;
  after?: string | null;
}

export interface CountRow {
  village: string;
  category: string;
  households: number;
}

/** 防返贫动态监测: a household's cases, their steps and measures, one transaction per write. */
export class MonitoringService {
  constructor(private readonly em: EntityManager) {}

  /** A case by id, or NOT_FOUND on the field (the resolver then checks the caller may see its household). */
  async requireCase(id: string, field: string): Promise<MonitoringCase> {
    const caseId = parseRowId(id);
    if (caseId === null) throw badInput(field, 'not an id from this subgraph');
    const found = await this.em.findOne(MonitoringCase, { id: caseId });
    if (!found) throw notFound('monitoring case', field);
    return found;
  }

  async open(input: OpenMonitoringCaseInput, actor: string): Promise<MonitoringCase> {
    const problems = new InputProblems();
    checkHouseholdCode(problems, input.householdCode, 'input.householdCode');
    const risks = input.riskTypes as RelapseRiskType[];
    problems.check(risks.length > 0, 'input.riskTypes', 'give at least one risk type');
    problems.check(new Set(risks).size === risks.length, 'input.riskTypes', 'name each risk type once');
    problems.check(
      risks.every((r) => RelapseRiskTypeVocabulary.values.includes(r)),
      'input.riskTypes',
      `one of ${RelapseRiskTypeVocabulary.values.join(', ')}`,
    );
    const route = input.entryRoute as MonitoringEntryRoute;
    problems.check(MonitoringEntryRouteVocabulary.values.includes(route), 'input.entryRoute', `one of ${MonitoringEntryRouteVocabulary.values.join(', ')}`);
    const rule = input.sourceRule?.trim() || null;
    if (route === 'DEPARTMENT_DATA') {
      problems.check(
        rule !== null && (RELAPSE_RULE_IDS as readonly string[]).includes(rule),
        'input.sourceRule',
        `name the warning rule that raised the candidate: ${RELAPSE_RULE_IDS.join(', ')}`,
      );
    } else {
      problems.check(rule === null, 'input.sourceRule', 'only a case from department data (DEPARTMENT_DATA) names a warning rule');
    }
    checkDate(problems, input.openedOn, 'input.openedOn');
    const note = checkNote(problems, input.note, 'input.note');
    problems.throwIfAny();
    try {
      return await this.openChecked(input, { risks, route, rule, note }, actor);
    } catch (error) {
      // Two openings at once: the partial unique index lets one through (the household lock usually orders them first).
      if (error instanceof UniqueConstraintViolationException) throw conflict('input.householdCode', 'the household already has an open monitoring case');
      throw error;
    }
  }

  private openChecked(
    input: OpenMonitoringCaseInput,
    { risks, route, rule, note }: { risks: RelapseRiskType[]; route: MonitoringEntryRoute; rule: string | null; note: string | null },
    actor: string,
  ): Promise<MonitoringCase> {
    return this.em.transactional(async (em) => {
      const household = await em.findOne(RegisteredHousehold, { code: input.householdCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!household) throw notFound('registered household', 'input.householdCode');
      const open = await em.findOne(MonitoringCase, { householdCode: household.code, step: { $in: [...OPEN_STEPS] } });
      if (open) throw conflict('input.householdCode', `the household already has an open monitoring case (${open.id}, ${stepLabel(open.step)})`);
      const opened = em.create(MonitoringCase, {
        householdCode: household.code,
        riskTypes: [...risks].sort((a, b) => RelapseRiskTypeVocabulary.values.indexOf(a) - RelapseRiskTypeVocabulary.values.indexOf(b)),
        entryRoute: route,
        sourceRule: rule,
        step: 'CANDIDATE',
        openedOn: input.openedOn,
        openedBy: actor,
        note,
      });
      await em.flush();
      em.create(MonitoringTransition, { caseId: opened.id, householdCode: household.code, fromStep: null, toStep: 'CANDIDATE', actedOn: input.openedOn, actedBy: actor, note });
      await em.flush();
      return opened;
    });
  }

  /** Checks a move's input field by field (before anything is read). */
  checkMove(input: MoveMonitoringCaseInput): { to: MonitoringStep; note: string | null } {
    const problems = new InputProblems();
    problems.check(parseRowId(input.caseId) !== null, 'input.caseId', 'not an id from this subgraph');
    const to = input.to as MonitoringStep;
    problems.check(MonitoringStepVocabulary.values.includes(to) && to !== 'CANDIDATE', 'input.to', 'one of VILLAGE_REVIEWED, TOWNSHIP_CHECKED, COUNTY_APPROVED, EXITED, REJECTED');
    checkDate(problems, input.on, 'input.on');
    let note: string | null;
    if (to === 'EXITED' || to === 'REJECTED') {
      note = input.note == null ? '' : checkText(problems, input.note, 'input.note', REASON_LENGTH);
      if (input.note == null) problems.add('input.note', `give the reason (${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters) for ${stepLabel(to)}`);
      problems.check(!containsIdNumber(note), 'input.note', ID_NUMBER_IN_TEXT_MESSAGE, 'ID_NUMBER_IN_TEXT');
    } else {
      note = checkNote(problems, input.note, 'input.note');
    }
    problems.throwIfAny();
    return { to, note };
  }

  /**
   * One step of a case the caller may take (the resolver checked scope and role on the case as
   * read): the case locked, its step checked again, the transition recorded; 县审定 makes the
   * household monitored and 风险消除 gives it back its status, through the status changes.
   */
  async move(caseId: number, input: MoveMonitoringCaseInput, checked: { to: MonitoringStep; note: string | null }, actor: string): Promise<MonitoringCase> {
    return this.em.transactional(async (em) => {
      const record = await em.findOne(MonitoringCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record) throw notFound('monitoring case', 'input.caseId');
      const owner = stepOwner(record.step, checked.to);
      if ('problem' in owner) throw conflict('input.to', owner.problem);
      const last = await em.findOne(MonitoringTransition, { caseId: record.id }, { orderBy: { actedOn: 'desc', id: 'desc' } });
      if (last && input.on < last.actedOn) throw badInput('input.on', `must not be before the last step (${last.actedOn})`);
      if (checked.to === 'COUNTY_APPROVED' || checked.to === 'EXITED') {
        const household = await em.findOne(RegisteredHousehold, { code: record.householdCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!household) throw notFound('registered household', 'input.caseId');
        if (input.on < household.statusSince) throw badInput('input.on', `must not be before the household's last status change (${household.statusSince})`);
        if (checked.to === 'COUNTY_APPROVED') {
          const monitored = monitoredStatus(household.povertyStatus);
          if (monitored) {
            record.statusBefore = household.povertyStatus;
            record.statusSet = monitored;
            applyStatusChange(em, household, monitored, input.on, `纳入防返贫监测（${record.riskTypes.map((r) => RelapseRiskTypeVocabulary.labels[r]).join('、')}）`);
          }
        } else if (record.statusSet && record.statusBefore && household.povertyStatus === record.statusSet) {
          applyStatusChange(em, household, record.statusBefore, input.on, `风险消除，退出监测：${checked.note}`.slice(0, 200));
        }
      }
      em.create(MonitoringTransition, {
        caseId: record.id,
        householdCode: record.householdCode,
        fromStep: record.step,
        toStep: checked.to,
        actedOn: input.on,
        actedBy: actor,
        note: checked.note,
      });
      record.step = checked.to;
      if (checked.to === 'EXITED' || checked.to === 'REJECTED') {
        record.closedOn = input.on;
        record.closeReason = checked.note;
      }
      await em.flush();
      return record;
    });
  }

  /** Checks a measure's input field by field (before anything is read). */
  checkMeasure(input: RecordMonitoringMeasureInput): { responsible: string; note: string | null } {
    const problems = new InputProblems();
    problems.check(parseRowId(input.caseId) !== null, 'input.caseId', 'not an id from this subgraph');
    problems.check(
      AssistanceMeasureKindVocabulary.values.includes(input.kind as AssistanceMeasureKind),
      'input.kind',
      `one of ${AssistanceMeasureKindVocabulary.values.join(', ')}`,
    );
    checkDate(problems, input.takenOn, 'input.takenOn');
    const responsible = checkText(problems, input.responsible, 'input.responsible', RESPONSIBLE_LENGTH);
    const note = checkNote(problems, input.note, 'input.note');
    problems.throwIfAny();
    return { responsible, note };
  }

  async recordMeasure(caseId: number, input: RecordMonitoringMeasureInput, checked: { responsible: string; note: string | null }, actor: string): Promise<MonitoringMeasure> {
    return this.em.transactional(async (em) => {
      const record = await em.findOne(MonitoringCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record) throw notFound('monitoring case', 'input.caseId');
      if (!OPEN_STEPS.includes(record.step)) throw conflict('input.caseId', `the case is closed (${stepLabel(record.step)}); measures are recorded on open cases`);
      if (input.takenOn < record.openedOn) throw badInput('input.takenOn', `must not be before the case was opened (${record.openedOn})`);
      const measure = em.create(MonitoringMeasure, {
        caseId: record.id,
        householdCode: record.householdCode,
        kind: input.kind as AssistanceMeasureKind,
        takenOn: input.takenOn,
        responsible: checked.responsible,
        note: checked.note,
        recordedBy: actor,
      });
      await em.flush();
      return measure;
    });
  }

  /** Cases of households in a division, newest first by id (keyset). */
  async list(filter: CaseFilter): Promise<Page<MonitoringCase>> {
    requireDivisionCode(filter.region, 'region');
    const first = checkPageSize(filter.first);
    const after = decodeIdCursor(filter.after);
    const { from, to } = divisionCodeRange(filter.region);
    const where: Record<string, unknown> = { householdCode: { $gte: from, $lt: to } };
    if (filter.step) where.step = filter.step;
    if (filter.riskType) where.riskTypes = { $overlap: [filter.riskType] };
    const [rows, totalCount] = await Promise.all([
      this.em.find(MonitoringCase, after === null ? where : { ...where, id: { $lt: after } }, { orderBy: { id: 'desc' }, limit: first + 1 }),
      this.em.count(MonitoringCase, where),
    ]);
    return toPage(rows, first, totalCount, (c) => c.id);
  }

  /**
   * Cases per village and step, and open or monitored cases (not closed) per village and risk
   * type, over the whole registry (the suppression pattern is decided over every village at once).
   */
  async countRows(): Promise<{ steps: CountRow[]; risks: CountRow[] }> {
    const connection = this.em.getConnection();
    const [steps, risks] = await Promise.all([
      connection.execute<CountRow[]>(`select left(household_code, 12) as village, step as category, count(*)::int as households from "monitoring_case" group by 1, 2`),
      connection.execute<CountRow[]>(
        `select left(household_code, 12) as village, r.risk as category, count(*)::int as households
           from "monitoring_case" c cross join unnest(c.risk_types) as r(risk)
          where c.step in ('CANDIDATE', 'VILLAGE_REVIEWED', 'TOWNSHIP_CHECKED', 'COUNTY_APPROVED')
          group by 1, 2`,
      ),
    ]);
    return { steps, risks };
  }
}
