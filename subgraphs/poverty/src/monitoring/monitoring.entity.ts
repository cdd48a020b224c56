import { ArrayType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, PovertyStatus } from '@jiuye/common';

export const RelapseRiskTypeVocabulary = defineVocabulary('RelapseRiskType', '返贫致贫风险类型 — the risk a monitored household faces', {
  ILLNESS: '因病',
  DISABILITY: '因残',
  SCHOOLING_COSTS: '因学',
  DISASTER: '因灾',
  UNSTABLE_WORK: '务工就业不稳',
  OTHER: '其他',
});
export const RelapseRiskType = RelapseRiskTypeVocabulary.enumObject;
export type RelapseRiskType = keyof typeof RelapseRiskType;

export const MonitoringEntryRouteVocabulary = defineVocabulary('MonitoringEntryRoute', '监测对象识别途径 — how a household came to be a monitoring candidate', {
  SELF_REPORT: '农户自主申报',
  CADRE_SCREENING: '干部排查',
  DEPARTMENT_DATA: '部门筛查预警',
});
export const MonitoringEntryRoute = MonitoringEntryRouteVocabulary.enumObject;
export type MonitoringEntryRoute = keyof typeof MonitoringEntryRoute;

/** The steps of a case in order; EXITED and REJECTED close it. */
export const MonitoringStepVocabulary = defineVocabulary('MonitoringStep', '防返贫监测程序 — the step a monitoring case has reached', {
  CANDIDATE: '待评议（监测候选）',
  VILLAGE_REVIEWED: '村评议',
  TOWNSHIP_CHECKED: '乡镇审核',
  COUNTY_APPROVED: '县审定（纳入监测）',
  EXITED: '风险消除（退出监测）',
  REJECTED: '不予纳入',
});
export const MonitoringStep = MonitoringStepVocabulary.enumObject;
export type MonitoringStep = keyof typeof MonitoringStep;

export const OPEN_STEPS: readonly MonitoringStep[] = ['CANDIDATE', 'VILLAGE_REVIEWED', 'TOWNSHIP_CHECKED', 'COUNTY_APPROVED'];

export const AssistanceMeasureKindVocabulary = defineVocabulary('AssistanceMeasureKind', '帮扶措施类别 — kind of assistance given to a monitored household', {
  EMPLOYMENT: '就业帮扶',
  INDUSTRY: '产业帮扶',
  EDUCATION: '教育帮扶',
  HEALTH: '健康帮扶',
  HOUSING: '住房安全',
  ALLOWANCE: '兜底保障（低保、特困）',
  INSURANCE: '保险',
  OTHER: '其他',
});
export const AssistanceMeasureKind = AssistanceMeasureKindVocabulary.enumObject;
export type AssistanceMeasureKind = keyof typeof AssistanceMeasureKind;

/**
 * 防返贫监测 — one monitoring case of a registered household: candidate, 村评议, 乡镇审核, 县审定
 * (the household becomes 监测户), then 风险消除 or 不予纳入. At most one open case per household.
 */
@ObjectType({ description: '防返贫监测 — a relapse-monitoring case of a registered household, from candidate to exit.' })
@Entity({ tableName: 'monitoring_case' })
@Index({ properties: ['householdCode', 'id'] })
@Unique({
  name: 'monitoring_case_open_unique',
  expression: `create unique index "monitoring_case_open_unique" on "monitoring_case" ("household_code") where "step" in ('CANDIDATE', 'VILLAGE_REVIEWED', 'TOWNSHIP_CHECKED', 'COUNTY_APPROVED')`,
})
export class MonitoringCase {
  [OptionalProps]?: 'sourceRule' | 'note' | 'statusBefore' | 'statusSet' | 'closedOn' | 'closeReason' | 'recordedAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '户编号' })
  @Property({ type: 'string', length: 16 })
  householdCode: string;

  @Field(() => [RelapseRiskType], { description: '风险类型 (one or more)' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  riskTypes: RelapseRiskType[];

  @Field(() => MonitoringEntryRoute)
  @Enum({ items: () => MonitoringEntryRoute })
  entryRoute: MonitoringEntryRoute;

  @Field(() => String, { nullable: true, description: 'The warning rule (situation WarningRuleId) that raised the candidate, for DEPARTMENT_DATA.' })
  @Property({ type: 'string', length: 60, nullable: true })
  sourceRule: string | null = null;

  @Field(() => MonitoringStep)
  @Enum({ items: () => MonitoringStep })
  step: MonitoringStep;

  @Field(() => LocalDateScalar, { description: '发现/申报日期' })
  @Property({ type: 'date' })
  openedOn: string;

  /** The staff account that opened the case; shown as the first transition's actor. */
  @Property({ type: 'string', length: 128 })
  openedBy: string;

  @Field(() => String, { nullable: true, description: 'What the case is about, in the opener’s words.' })
  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  /** The household's status before 县审定 changed it (restored on exit); null when approval left it as it was. */
  @Property({ type: 'text', nullable: true })
  statusBefore: PovertyStatus | null = null;

  /** The status 县审定 set (exit restores statusBefore only while the household still has it). */
  @Property({ type: 'text', nullable: true })
  statusSet: PovertyStatus | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: '退出监测 or 不予纳入: the date.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true, description: '风险消除 reason, or why it was not taken into monitoring.' })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** One step of a case: who moved it, when, from and to which step, with their note. */
@ObjectType({ description: '监测程序记录 — one step of a monitoring case: who, when, note.' })
@Entity({ tableName: 'monitoring_transition' })
export class MonitoringTransition {
  [OptionalProps]?: 'fromStep' | 'note' | 'recordedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  caseId: number;

  /** Kept for the history and outbox capture (the household the step concerns). */
  @Property({ type: 'string', length: 16 })
  householdCode: string;

  @Field(() => MonitoringStep, { nullable: true, description: 'Empty for the opening of the case.' })
  @Enum({ items: () => MonitoringStep, nullable: true })
  fromStep: MonitoringStep | null = null;

  @Field(() => MonitoringStep)
  @Enum({ items: () => MonitoringStep })
  toStep: MonitoringStep;

  @Field(() => LocalDateScalar, { description: 'The date of the decision.' })
  @Property({ type: 'date' })
  actedOn: string;

  @Field(() => String, { description: 'The staff account that took the step.' })
  @Property({ type: 'string', length: 128 })
  actedBy: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}

/** 帮扶措施 — one assistance measure taken for a monitored household. */
@ObjectType({ description: '帮扶措施 — one assistance measure of a monitoring case.' })
@Entity({ tableName: 'monitoring_measure' })
export class MonitoringMeasure {
  [OptionalProps]?: 'note' | 'recordedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  caseId: number;

  @Property({ type: 'string', length: 16 })
  householdCode: string;

  @Field(() => AssistanceMeasureKind)
  @Enum({ items: () => AssistanceMeasureKind })
  kind: AssistanceMeasureKind;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  takenOn: string;

  @Field(() => String, { description: '责任人或责任单位' })
  @Property({ type: 'string', length: 60 })
  responsible: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  @Field(() => String, { description: 'The staff account that recorded it.' })
  @Property({ type: 'string', length: 128 })
  recordedBy: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
