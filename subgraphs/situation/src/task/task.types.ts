import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { daysBetween, defineVocabulary, LocalDateScalar, PageInfo, todayInChina } from '@jiuye/common';
import { SituationPerson, type PersonRecord } from '../person/situation-person.types';
import { RegionType } from '../region/region.types';
import { ResponsibleKind } from '../warning/warning.types';
import { WARNING_RULE_BY_ID } from '../warning/rules';
import { CONFLICT_RULE_BY_KIND } from '../conflict/rules';
import { SuppressedCount, SuppressedRate } from '../indicator/suppression';
import { TASK_KIND_LABELS, type TaskKind as TaskKindValue, type TaskStatus as TaskStatusValue } from './task.rules';

export const TaskKindVocabulary = defineVocabulary('TaskKind', '任务类别', TASK_KIND_LABELS);
export const TaskKind = TaskKindVocabulary.enumObject;

export const TaskStatusVocabulary = defineVocabulary('TaskStatus', '任务状态 — OPEN → ASSIGNED → ACKNOWLEDGED → CLOSED (and REOPENED)', {
  OPEN: '待分派',
  ASSIGNED: '已分派',
  ACKNOWLEDGED: '已签收',
  CLOSED: '已办结',
  REOPENED: '已重新打开',
});
export const TaskStatus = TaskStatusVocabulary.enumObject;

export const TaskOutcomeVocabulary = defineVocabulary('TaskOutcome', '办结结果 — what the data bore out when the task closed', {
  EMPLOYED: '家庭成员已就业（零就业家庭已清零）',
  WARNING_CLEARED: '预警条件已不再成立',
  CONFLICT_RESOLVED: '冲突已处理或已不再存在',
  REGISTERED: '已在劳动力实名制登记中（应登尽登）',
  NOT_APPLICABLE: '不适用（科员说明理由）',
});
export const TaskOutcome = TaskOutcomeVocabulary.enumObject;

export const TaskListFilterVocabulary = defineVocabulary('TaskListFilter', '我的任务 — which of my open tasks', {
  ALL: '全部未办结',
  OVERDUE: '已逾期',
  DUE_THIS_WEEK: '7 天内到期',
});
export const TaskListFilter = TaskListFilterVocabulary.enumObject;
export type TaskListFilterValue = keyof typeof TaskListFilter;

/** A task row as the services read it (TASK_SELECT). */
export interface TaskRow {
  id: number;
  kind: TaskKindValue;
  subject: string;
  rule: string | null;
  village_code: string;
  village_name: string | null;
  household_code: string | null;
  worker_id: string | null;
  status: TaskStatusValue;
  assignee: string | null;
  assignee_kind: string | null;
  assignee_scope: string | null;
  opened_on: string;
  due_on: string;
  outcome: string | null;
  closed_at: Date | null;
  days_to_clear: number | null;
  created_at: Date;
  updated_at: Date;
  spell_started_on: string | null;
  spell_cleared_on: string | null;
  today: string;
}

export interface TaskEventRow {
  task_id: number;
  from_status: string | null;
  to_status: string;
  actor: string;
  at: Date;
  note: string | null;
  assignee: string | null;
}

@ObjectType({ description: '任务记录 — one transition (or a note by the feed or the daily evaluation): who, when, what.' })
export class TaskEvent {
  @Field(() => TaskStatus, { nullable: true, description: 'null for the creation' })
  fromStatus: string | null;

  @Field(() => TaskStatus)
  toStatus: string;

  @Field(() => String, { description: 'The staff account, or system:feed / system:daily.' })
  actor: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The assignee after this event.' })
  assignee: string | null;
}

@ObjectType({ description: '任务 — a zero-employment household, a warning or a conflict, assigned to a named account and closed when the data bears it out.' })
export class Task {
  constructor(
    readonly record: TaskRow,
    readonly personRecord: PersonRecord | null = null,
  ) {}

  @Field(() => ID)
  get id(): string {
    return String(this.record.id);
  }

  @Field(() => TaskKind)
  get kind(): string {
    return this.record.kind;
  }

  @Field(() => String, { description: 'The subject: household code (zero-employment), EarlyWarning.id, Conflict.id or the worker key (unregistered labourer).' })
  get subject(): string {
    return this.record.subject;
  }

  @Field(() => String, { nullable: true, description: 'The warning rule (WarningRuleId) or conflict kind (ConflictKind).' })
  get rule(): string | null {
    return this.record.rule;
  }

  @Field(() => String, { description: '任务名称' })
  get label(): string {
    const rule = this.record.rule;
    if (this.record.kind === 'WARNING') return WARNING_RULE_BY_ID.get(rule ?? '')?.label ?? TASK_KIND_LABELS.WARNING;
    if (this.record.kind === 'CONFLICT') return CONFLICT_RULE_BY_KIND.get(rule ?? '')?.label ?? TASK_KIND_LABELS.CONFLICT;
    return TASK_KIND_LABELS[this.record.kind === 'UNREGISTERED_LABOURER' ? 'UNREGISTERED_LABOURER' : 'ZERO_EMPLOYMENT_HOUSEHOLD'];
  }

  @Field(() => String, { nullable: true, description: '户编号' })
  get householdCode(): string | null {
    return this.record.household_code;
  }

  @Field(() => SituationPerson, { nullable: true, description: 'The person (warnings and conflicts about a person).' })
  get person(): SituationPerson | null {
    return this.personRecord ? new SituationPerson(this.personRecord) : null;
  }

  @Field(() => String, { description: '村（社区）代码' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => TaskStatus)
  get status(): string {
    return this.record.status;
  }

  @Field(() => String, { nullable: true, description: 'The assigned staff account (the sub of its token).' })
  get assignee(): string | null {
    return this.record.assignee;
  }

  @Field(() => ResponsibleKind, { nullable: true })
  get assigneeKind(): string | null {
    return this.record.assignee_kind;
  }

  @Field(() => String, { nullable: true, description: "The assignee's scope: a division code, a partner city's 4-digit code or an institution id." })
  get assigneeScope(): string | null {
    return this.record.assignee_scope;
  }

  @Field(() => LocalDateScalar, { description: 'When the situation began (a zero-employment spell) or the task was opened (warnings, conflicts).' })
  get openedOn(): string {
    return this.record.opened_on;
  }

  @Field(() => LocalDateScalar, { description: '期限' })
  get dueOn(): string {
    return this.record.due_on;
  }

  @Field(() => Boolean, { description: 'Not closed and past its due day (China time).' })
  get overdue(): boolean {
    return this.record.status !== 'CLOSED' && this.record.due_on < this.record.today;
  }

  @Field(() => Int, { description: 'Days since openedOn (to today, or to the day it closed).' })
  get ageDays(): number {
    const end = this.record.closed_at ? todayInChina(this.record.closed_at) : this.record.today;
    return Math.max(0, daysBetween(this.record.opened_on, end));
  }

  @Field(() => TaskOutcome, { nullable: true })
  get outcome(): string | null {
    return this.record.outcome;
  }

  @Field(() => Date, { nullable: true })
  get closedAt(): Date | null {
    return this.record.closed_at;
  }

  @Field(() => Int, { nullable: true, description: 'Zero-employment households closed as EMPLOYED: days from becoming zero-employment to a member employed.' })
  get daysToClear(): number | null {
    return this.record.days_to_clear;
  }

  @Field(() => LocalDateScalar, { nullable: true, description: 'Zero-employment households: when the latest spell began.' })
  get zeroEmploymentSince(): string | null {
    return this.record.spell_started_on;
  }

  @Field(() => LocalDateScalar, { nullable: true, description: 'Zero-employment households: when the latest spell was cleared (null: still zero-employment).' })
  get zeroEmploymentClearedOn(): string | null {
    return this.record.spell_cleared_on;
  }
}

@ObjectType({ description: '任务清单 — one page of tasks, ordered by due day then id.' })
export class TaskPage {
  @Field(() => [Task])
  nodes: Task[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ description: 'Open tasks of one assignee (null: not yet assigned).' })
export class TaskAssigneeCount {
  @Field(() => String, { nullable: true })
  assignee: string | null;

  @Field(() => ResponsibleKind, { nullable: true })
  assigneeKind: string | null;

  @Field(() => Int, { description: 'Not closed.' })
  open: number;

  @Field(() => Int, { description: 'Not closed and past due.' })
  overdue: number;
}

@ObjectType({ description: 'Open tasks by age (days since openedOn).' })
export class TaskAgeCount {
  @Field(() => String, { description: '0-7, 8-15, 16-30, 31-90 or 91+' })
  bucket: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: '区域任务 — the tasks of a region for its supervisors, with open tasks by assignee and by age.' })
export class RegionTaskPage extends TaskPage {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => [TaskAssigneeCount], { description: 'Open tasks of the region by assignee, whatever the filters.' })
  countsByAssignee: TaskAssigneeCount[];

  @Field(() => [TaskAgeCount], { description: 'Open tasks of the region by age bucket, whatever the filters.' })
  countsByAge: TaskAgeCount[];
}

@ObjectType({ description: '零就业家庭动态清零 — how fast zero-employment households were cleared in a region (aggregate; small counts suppressed for dashboards).' })
export class ZeroEmploymentClearance {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => LocalDateScalar)
  from: string;

  @Field(() => LocalDateScalar)
  to: string;

  @Field(() => Int, { description: 'ZERO_EMPLOYMENT_CLEAR_DAYS' })
  limitDays: number;

  @Field(() => SuppressedCount, { description: 'Spells cleared by a member employed, cleared between from and to.' })
  cleared: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Of these, cleared within limitDays.' })
  clearedWithinLimit: SuppressedCount;

  @Field(() => SuppressedRate, { description: 'clearedWithinLimit / cleared' })
  shareWithinLimit: SuppressedRate;

  @Field(() => Float, { nullable: true, description: 'Median days to clear (null when cleared is suppressed or 0).' })
  medianDaysToClear: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean days to clear (null when cleared is suppressed or 0).' })
  meanDaysToClear: number | null;

  @Field(() => SuppressedCount, { description: 'Households zero-employment now (open spells).' })
  stillZeroEmployment: SuppressedCount;
}

@InputType({ description: '分派任务 — assign (or reassign) the task of a subject to a named account whose scope covers its village.' })
export class AssignTaskInput {
  @Field(() => TaskKind)
  kind: TaskKindValue;

  @Field(() => String, {
    description: 'ZERO_EMPLOYMENT_HOUSEHOLD: the household code; WARNING: EarlyWarning.id; CONFLICT: Conflict.id; UNREGISTERED_LABOURER: UnregisteredLabourer.id.',
  })
  subject: string;

  @Field(() => String, { description: 'The staff account (the sub of its token), 1–128 of A–Z a–z 0–9 . _ @ : -' })
  assignee: string;

  @Field(() => ResponsibleKind)
  assigneeKind: string;

  @Field(() => String, {
    description:
      "The assignee's scope: CADRE a division code (township or village) covering the subject's village, inside your region; VILLAGE_ASSISTANT the subject's 12-digit village; PARTNER_STATION the 4-digit city the worker was transferred to; INSTITUTION the id of the worker's training institution.",
  })
  assigneeScope: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters (no ID numbers).' })
  note?: string | null;
}

@InputType({ description: '签收任务' })
export class AcknowledgeTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  note?: string | null;
}

@InputType({ description: '办结任务 — closes only when the data bears it out, or as NOT_APPLICABLE with a note by an officer of the region.' })
export class CloseTaskInput {
  @Field(() => ID)
  taskId: string;

  @Field(() => TaskOutcome, { nullable: true, description: 'Omit: decided by the data (EMPLOYED, WARNING_CLEARED, CONFLICT_RESOLVED, REGISTERED); NOT_APPLICABLE needs a note.' })
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 500 characters; required with NOT_APPLICABLE.' })
  note?: string | null;
}
