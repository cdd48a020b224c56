import {
  ageOn,
  EducationVocabulary,
  EmploymentIntentionVocabulary,
  EmploymentKindVocabulary,
  EmploymentPlaceVocabulary,
  EmploymentStatusVocabulary,
  maskIdNumber,
  PopulationStatusVocabulary,
  PovertyStatusVocabulary,
  SexVocabulary,
  TradeVocabulary,
  type ExportColumn,
} from '@jiuye/common';
import type { HouseholdRecord } from '../household/zero-employment';
import type { PersonRecord } from '../person/situation-person.type';
import type { EarlyWarning } from '../warning/warning.types';
import type { Conflict } from '../conflict/conflict.types';

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
export function rosterColumns(options: { reveal: boolean; today: string }): ExportColumn<PersonRecord & { row: number }>[] {
  return [
    { header: '序号', kind: 'number', width: 8, value: (p) => p.row },
    { header: '乡镇（街道）', width: 16, value: (p) => p.township_name ?? p.village_code.slice(0, 9) },
    { header: '村（社区）', width: 16, value: (p) => p.village_name ?? p.village_code },
    { header: '户编号', kind: 'text', width: 20, value: (p) => p.household_code },
    { header: '姓名', width: 10, value: (p) => p.name },
    { header: '性别', width: 6, value: (p) => label(SexVocabulary.labels, p.sex) },
    { header: '身份证号', kind: 'text', width: 22, value: (p) => (options.reveal ? p.id_number : maskIdNumber(p.id_number)), logAs: options.reveal ? 'Worker.idNumber' : 'Worker.idNumberMasked' },
    { header: '年龄', kind: 'number', width: 6, value: (p) => ageOn(p.birth_date, options.today) },
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
    { header: '社会救助', width: 12, value: (p) => p.assistance_kinds.map((k) => ASSISTANCE[k] ?? k).join('、') || null },
    { header: '持证工种', width: 16, value: (p) => p.certified_trades.map((t) => label(TradeVocabulary.labels, t)).join('、') || null },
    { header: '最近核实日期', kind: 'date', width: 12, value: (p) => p.verified_on },
  ];
}

/** 零就业家庭名单: one row per household with who answers for it and what was last done. */
export function zeroEmploymentColumns(): ExportColumn<HouseholdRecord & { row: number }>[] {
  return [
    { header: '序号', kind: 'number', width: 8, value: (h) => h.row },
    { header: '村（社区）', width: 16, value: (h) => h.village_name ?? h.village_code },
    { header: '户编号', kind: 'text', width: 20, value: (h) => h.code },
    { header: '贫困状态', width: 12, value: (h) => label(PovertyStatusVocabulary.labels, h.poverty_status) ?? '非建档立卡' },
    { header: '登记劳动年龄人数', kind: 'number', width: 10, value: (h) => h.members },
    { header: '劳动力人数', kind: 'number', width: 10, value: (h) => h.able_labourers },
    { header: '帮扶责任人', width: 10, value: (h) => h.cadre_name ?? `${h.village_name ?? h.village_code}劳动保障协理员` },
    { header: '挂包责任单位', width: 24, value: (h) => h.unit_name },
    { header: '最近帮扶措施', width: 30, value: (h) => h.last_action },
    { header: '措施日期', kind: 'date', width: 12, value: (h) => h.last_action_on },
  ];
}

/** 预警清单: the warning, who it is about (masked ID number), why and who answers. */
export function warningColumns(): ExportColumn<EarlyWarning & { row: number }>[] {
  return [
    { header: '序号', kind: 'number', width: 8, value: (w) => w.row },
    { header: '预警等级', width: 8, value: (w) => WARNING_LEVEL_LABELS[w.level] ?? w.level },
    { header: '预警类型', width: 28, value: (w) => w.ruleLabel },
    { header: '村（社区）', width: 16, value: (w) => w.villageName ?? w.villageCode },
    { header: '户编号', kind: 'text', width: 20, value: (w) => w.householdCode },
    { header: '姓名', width: 10, value: (w) => w.personRecord?.name ?? null },
    { header: '身份证号（脱敏）', kind: 'text', width: 22, value: (w) => (w.personRecord ? maskIdNumber(w.personRecord.id_number) : null) },
    { header: '预警原因', width: 48, value: (w) => w.reason },
    { header: '起始日期', kind: 'date', width: 12, value: (w) => w.since },
    { header: '责任人', width: 20, value: (w) => w.responsible.name },
    { header: '责任单位', width: 24, value: (w) => w.responsible.unit ?? null },
  ];
}

/** 数据比对冲突清单: both departments' facts side by side, and how it was settled. */
export function conflictColumns(): ExportColumn<Conflict & { row: number }>[] {
  const source = (c: Conflict, i: number) => c.sources[i];
  return [
    { header: '序号', kind: 'number', width: 8, value: (c) => c.row },
    { header: '冲突类型', width: 28, value: (c) => c.label },
    { header: '村（社区）', width: 16, value: (c) => c.villageName ?? c.villageCode },
    { header: '户编号', kind: 'text', width: 20, value: (c) => c.householdCode },
    { header: '姓名', width: 10, value: (c) => c.personRecord?.name ?? null },
    { header: '身份证号（脱敏）', kind: 'text', width: 22, value: (c) => (c.personRecord ? maskIdNumber(c.personRecord.id_number) : null) },
    { header: '部门一', width: 12, value: (c) => source(c, 0)?.departmentLabel ?? null },
    { header: '部门一记录', width: 36, value: (c) => source(c, 0)?.fact ?? null },
    { header: '部门一日期', kind: 'date', width: 12, value: (c) => source(c, 0)?.since ?? null },
    { header: '部门二', width: 12, value: (c) => source(c, 1)?.departmentLabel ?? null },
    { header: '部门二记录', width: 36, value: (c) => source(c, 1)?.fact ?? null },
    { header: '部门二日期', kind: 'date', width: 12, value: (c) => source(c, 1)?.since ?? null },
    { header: '状态', width: 8, value: (c) => (c.status === 'RESOLVED' ? '已处理' : '待处理') },
    { header: '处理说明', width: 36, value: (c) => c.resolution?.note ?? null },
  ];
}

const WARNING_LEVEL_LABELS: Record<string, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' };
