import {
  ageOn,
  EducationVocabulary,
  EmploymentIntentionVocabulary,
  EmploymentKindVocabulary,
  EmploymentPlaceVocabulary,
  EmploymentStatusVocabulary,
  maskIdNumber,
  mayRead,
  PopulationStatusVocabulary,
  PovertyStatusVocabulary,
  SexVocabulary,
  todayInChina,
  TradeVocabulary,
  type AccessControl,
  type ExportColumn,
} from '@jiuye/common';
import { situationAccess } from '../access';
import type { HouseholdRecord } from '../household/zero-employment.types';
import type { PersonRecord } from '../person/situation-person.types';
import { villageAssistant } from '../sql/conditions';
import type { EarlyWarning } from '../warning/warning.types';
import type { Conflict } from '../conflict/conflict.types';
import type { TaskWithPerson } from '../task/task.service';
import { TASK_KIND_LABELS } from '../task/task.rules';
import { TaskOutcomeVocabulary, TaskStatusVocabulary } from '../task/task.types';

/**
 * A column shows a field of the graph (its schema coordinate) and follows that field's rule for
 * the account exporting (situationAccess: categories and identifying kinds, as on screen). A
 * column with alternatives shows the first one the account may read (the full ID number with
 * reveal, else the masked one), and is left out when it may read none.
 */
type RuledColumn<Row> = Omit<ExportColumn<Row>, 'value'> & {
  /** One value, or alternatives: [coordinate, value, what the access log records when it is the one shown]. */
  value: ((row: Row) => unknown) | Array<[coordinate: string, value: (row: Row) => unknown, logAs?: string]>;
  field?: string;
};

function forAccount<Row>(access: Pick<AccessControl, 'allows'>, columns: RuledColumn<Row>[]): ExportColumn<Row>[] {
  const readable = (coordinate: string) => mayRead(access, situationAccess, coordinate);
  const result: ExportColumn<Row>[] = [];
  for (const { value, field, ...column } of columns) {
    if (Array.isArray(value)) {
      const chosen = value.find(([coordinate]) => readable(coordinate));
      if (chosen) result.push({ ...column, value: chosen[1] as ExportColumn<Row>['value'], ...(chosen[2] ? { logAs: chosen[2] } : {}) });
    } else if (field === undefined || readable(field)) {
      result.push({ ...column, value: value as ExportColumn<Row>['value'] });
    }
  }
  return result;
}

/** What the access log records as read for each person of an export: every column but the row number. */
export function loggedFields(columns: readonly ExportColumn<never>[]): string[] {
  return columns.filter((column) => column.header !== '序号').map((column) => column.logAs ?? `export:${column.header}`);
}

const label = <T extends string>(labels: Record<T, string>, value: string | null | undefined): string | null => (value ? (labels[value as T] ?? value) : null);
const ASSISTANCE: Record<string, string> = { SUBSISTENCE_ALLOWANCE: '低保', SPECIAL_HARDSHIP: '特困供养' };

/**
 * 花名册 columns in the order the county forms use (序号 first; 乡镇, 村, 户编号, 姓名, 身份证号 …).
 * The full ID number only with the reveal permission; otherwise masked, as on screen.
 */
export function rosterColumns(access: Pick<AccessControl, 'allows'>, today: string): ExportColumn<PersonRecord & { row: number }>[] {
  return forAccount<PersonRecord & { row: number }>(access, [
    { header: '序号', kind: 'number', width: 8, value: (p) => p.row },
    { header: '乡镇（街道）', width: 16, value: (p) => p.township_name ?? p.village_code.slice(0, 9) },
    { header: '村（社区）', width: 16, value: (p) => p.village_name ?? p.village_code },
    { header: '户编号', kind: 'text', width: 20, field: 'SituationPerson.householdCode', value: (p) => p.household_code },
    { header: '姓名', width: 10, value: (p) => p.name },
    { header: '性别', width: 6, field: 'SituationPerson.sex', value: (p) => label(SexVocabulary.labels, p.sex) },
    {
      header: '身份证号',
      kind: 'text',
      width: 22,
      value: [
        // A full ID number in a file is a reveal, logged as one (Worker.idNumber), as in the graph.
        ['SituationPerson.idNumber', (p) => p.id_number, 'Worker.idNumber'],
        ['SituationPerson.idNumberMasked', (p) => maskIdNumber(p.id_number), 'Worker.idNumberMasked'],
      ],
    },
    { header: '年龄', kind: 'number', width: 6, field: 'SituationPerson.age', value: (p) => ageOn(p.birth_date, today) },
    { header: '文化程度', width: 10, value: (p) => label(EducationVocabulary.labels, p.education) },
    { header: '人口状态', width: 10, value: (p) => label(PopulationStatusVocabulary.labels, p.population_status) },
    { header: '是否劳动力', width: 8, value: (p) => (p.able_labourer ? '是' : '否') },
    { header: '就业状态', width: 14, value: (p) => label(EmploymentStatusVocabulary.labels, p.employment_status) },
    { header: '就业形式', width: 16, value: (p) => label(EmploymentKindVocabulary.labels, p.employment_kind) },
    { header: '就业地点', width: 10, value: (p) => label(EmploymentPlaceVocabulary.labels, p.employment_place) },
    { header: '就业单位', width: 24, value: (p) => p.employer_name },
    { header: '就业时间', kind: 'date', width: 12, value: (p) => p.employment_started_on },
    { header: '就业意愿', width: 14, value: (p) => label(EmploymentIntentionVocabulary.labels, p.employment_intention) },
    { header: '培训需求', width: 12, value: (p) => label(TradeVocabulary.labels, p.training_wish) },
    { header: '贫困状态', width: 12, value: (p) => label(PovertyStatusVocabulary.labels, p.poverty_status) ?? '非建档立卡' },
    { header: '社会救助', width: 12, field: 'SituationPerson.assistanceKinds', value: (p) => p.assistance_kinds.map((k) => ASSISTANCE[k] ?? k).join('、') || null },
    { header: '持证工种', width: 16, value: (p) => p.certified_trades.map((t) => label(TradeVocabulary.labels, t)).join('、') || null },
    { header: '最近核实日期', kind: 'date', width: 12, value: (p) => p.verified_on },
  ]);
}

/** 零就业家庭名单: one row per household with who answers for it and what was last done. */
export function zeroEmploymentColumns(access: Pick<AccessControl, 'allows'>): ExportColumn<HouseholdRecord & { row: number }>[] {
  return forAccount<HouseholdRecord & { row: number }>(access, [
    { header: '序号', kind: 'number', width: 8, value: (h) => h.row },
    { header: '村（社区）', width: 16, value: (h) => h.village_name ?? h.village_code },
    { header: '户编号', kind: 'text', width: 20, field: 'ZeroEmploymentHousehold.code', value: (h) => h.code },
    { header: '贫困状态', width: 12, value: (h) => label(PovertyStatusVocabulary.labels, h.poverty_status) ?? '非建档立卡' },
    { header: '登记劳动年龄人数', kind: 'number', width: 10, value: (h) => h.members },
    { header: '劳动力人数', kind: 'number', width: 10, value: (h) => h.able_labourers },
    { header: '帮扶责任人', width: 10, value: (h) => h.cadre_name ?? villageAssistant(h.village_name, h.village_code) },
    { header: '挂包责任单位', width: 24, value: (h) => h.unit_name },
    { header: '最近帮扶措施', width: 30, value: (h) => h.last_action },
    { header: '措施日期', kind: 'date', width: 12, value: (h) => h.last_action_on },
  ]);
}

/** 预警清单: the warning, who it is about (masked ID number), why and who answers. */
export function warningColumns(access: Pick<AccessControl, 'allows'>): ExportColumn<EarlyWarning & { row: number }>[] {
  return forAccount<EarlyWarning & { row: number }>(access, [
    { header: '序号', kind: 'number', width: 8, value: (w) => w.row },
    { header: '预警等级', width: 8, value: (w) => WARNING_LEVEL_LABELS[w.level] ?? w.level },
    { header: '预警类型', width: 28, value: (w) => w.ruleLabel },
    { header: '村（社区）', width: 16, value: (w) => w.villageName ?? w.villageCode },
    { header: '户编号', kind: 'text', width: 20, field: 'EarlyWarning.householdCode', value: (w) => w.householdCode },
    { header: '姓名', width: 10, value: (w) => w.personRecord?.name ?? null },
    {
      header: '身份证号（脱敏）',
      kind: 'text',
      width: 22,
      field: 'SituationPerson.idNumberMasked',
      value: (w) => (w.personRecord ? maskIdNumber(w.personRecord.id_number) : null),
    },
    { header: '预警原因', width: 48, value: (w) => w.reason },
    { header: '起始日期', kind: 'date', width: 12, value: (w) => w.since },
    { header: '责任人', width: 20, value: (w) => w.responsible.name },
    { header: '责任单位', width: 24, value: (w) => w.responsible.unit ?? null },
  ]);
}

/** 数据比对冲突清单: both departments' facts side by side, and how it was settled. */
export function conflictColumns(access: Pick<AccessControl, 'allows'>): ExportColumn<Conflict & { row: number }>[] {
  const source = (c: Conflict, i: number) => c.sources[i];
  return forAccount<Conflict & { row: number }>(access, [
    { header: '序号', kind: 'number', width: 8, value: (c) => c.row },
    { header: '冲突类型', width: 28, value: (c) => c.label },
    { header: '村（社区）', width: 16, value: (c) => c.villageName ?? c.villageCode },
    { header: '户编号', kind: 'text', width: 20, field: 'Conflict.householdCode', value: (c) => c.householdCode },
    { header: '姓名', width: 10, value: (c) => c.personRecord?.name ?? null },
    {
      header: '身份证号（脱敏）',
      kind: 'text',
      width: 22,
      field: 'SituationPerson.idNumberMasked',
      value: (c) => (c.personRecord ? maskIdNumber(c.personRecord.id_number) : null),
    },
    { header: '部门一', width: 12, value: (c) => source(c, 0)?.departmentLabel ?? null },
    { header: '部门一记录', width: 36, value: (c) => source(c, 0)?.fact ?? null },
    { header: '部门一日期', kind: 'date', width: 12, value: (c) => source(c, 0)?.since ?? null },
    { header: '部门二', width: 12, value: (c) => source(c, 1)?.departmentLabel ?? null },
    { header: '部门二记录', width: 36, value: (c) => source(c, 1)?.fact ?? null },
    { header: '部门二日期', kind: 'date', width: 12, value: (c) => source(c, 1)?.since ?? null },
    { header: '状态', width: 8, value: (c) => (c.status === 'RESOLVED' ? '已处理' : '待处理') },
    { header: '处理说明', width: 36, value: (c) => c.resolution?.note ?? null },
  ]);
}

const WARNING_LEVEL_LABELS: Record<string, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' };

/** 任务清单 (区域任务): each task with its subject, assignee, days and outcome, as the tasks query filters them. */
export function taskColumns(access: Pick<AccessControl, 'allows'>, today: string): ExportColumn<TaskWithPerson & { row: number }>[] {
  return forAccount<TaskWithPerson & { row: number }>(access, [
    { header: '序号', kind: 'number', width: 8, value: (t) => t.row },
    { header: '任务编号', kind: 'text', width: 10, value: (t) => String(t.task.id) },
    { header: '任务类别', width: 22, value: (t) => TASK_KIND_LABELS[t.task.kind] ?? t.task.kind },
    { header: '村（社区）', width: 16, field: 'Task.villageName', value: (t) => t.task.village_name ?? t.task.village_code },
    { header: '户编号', kind: 'text', width: 20, field: 'Task.householdCode', value: (t) => t.task.household_code },
    { header: '姓名', width: 10, value: (t) => t.person?.name ?? null },
    { header: '状态', width: 10, value: (t) => TaskStatusVocabulary.labels[t.task.status] ?? t.task.status },
    { header: '承办人', width: 20, value: (t) => t.task.assignee },
    { header: '开立日期', kind: 'date', width: 12, value: (t) => t.task.opened_on },
    { header: '到期日', kind: 'date', width: 12, value: (t) => t.task.due_on },
    {
      header: '逾期天数',
      kind: 'number',
      width: 8,
      value: (t) => (t.task.status !== 'CLOSED' && t.task.due_on < today ? Math.round((Date.parse(today) - Date.parse(t.task.due_on)) / 86_400_000) : null),
    },
    {
      header: '办结结果',
      width: 28,
      value: (t) => (t.task.outcome ? (TaskOutcomeVocabulary.labels[t.task.outcome as keyof typeof TaskOutcomeVocabulary.labels] ?? t.task.outcome) : null),
    },
    { header: '办结日期', kind: 'date', width: 12, value: (t) => (t.task.closed_at ? todayInChina(t.task.closed_at) : null) },
  ]);
}
