import { addDays, DEFAULT_TASK_DUE_DAYS, type TaskDueDays } from '@jiuye/common';
import { WARNING_RULE_BY_ID } from '../warning/rules';

export type TaskKind = 'ZERO_EMPLOYMENT_HOUSEHOLD' | 'WARNING' | 'CONFLICT' | 'UNREGISTERED_LABOURER';
export type TaskStatus = 'OPEN' | 'ASSIGNED' | 'ACKNOWLEDGED' | 'CLOSED' | 'REOPENED';
export type TaskOutcome = 'EMPLOYED' | 'WARNING_CLEARED' | 'CONFLICT_RESOLVED' | 'REGISTERED' | 'NOT_APPLICABLE';

/** The account that records what the feed and the daily evaluation did (task_event.actor). */
export const FEED_ACTOR = 'system:feed';
export const DAILY_ACTOR = 'system:daily';
/** A task the feed assigned to the household's responsible cadre by itself (task.auto-assign.ts). */
export const AUTO_ASSIGN_ACTOR = 'system:auto-assign';
/** The monthly completeness check (应登尽登, completeness/completeness.monthly.ts). */
export const MONTHLY_ACTOR = 'system:monthly';

/** 应登尽登: an unregistered labourer is to be registered within this many days (before the next month's check). */
export const UNREGISTERED_LABOURER_DUE_DAYS = 30;

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  ZERO_EMPLOYMENT_HOUSEHOLD: '零就业家庭动态清零',
  WARNING: '预警处置',
  CONFLICT: '数据比对冲突处理',
  UNREGISTERED_LABOURER: '应登尽登（劳动力未登记）',
};

/** Days from when the task's situation began to its due date, by kind (and a warning's level). */
export function dueDaysOf(days: TaskDueDays | undefined, kind: TaskKind, rule: string | null): number {
  const d = days ?? DEFAULT_TASK_DUE_DAYS;
  if (kind === 'ZERO_EMPLOYMENT_HOUSEHOLD') return d.zeroEmployment;
  if (kind === 'CONFLICT') return d.conflict;
  if (kind === 'UNREGISTERED_LABOURER') return UNREGISTERED_LABOURER_DUE_DAYS;
  const level = WARNING_RULE_BY_ID.get(rule ?? '')?.level ?? 'YELLOW';
  return level === 'RED' ? d.red : level === 'ORANGE' ? d.orange : d.yellow;
}

export function dueOn(days: TaskDueDays | undefined, kind: TaskKind, rule: string | null, openedOn: string): string {
  return addDays(openedOn, dueDaysOf(days, kind, rule));
}

/** A notice's text: the kind, the village and the dates (never an ID number or a name). */
export function noticeText(what: 'assigned' | 'overdue' | 'reopened', kind: TaskKind, taskId: number, villageName: string | null, due: string): string {
  const task = `${TASK_KIND_LABELS[kind]}（${villageName ?? '本村'}，任务编号 ${taskId}）`;
  if (what === 'assigned') return `您有一项新任务：${task}，请于 ${due} 前完成。`;
  if (what === 'reopened') return `任务已重新打开：${task}，家庭再次无人就业，请于 ${due} 前完成。`;
  return `任务已逾期：${task}，期限为 ${due}，请尽快处理。`;
}
