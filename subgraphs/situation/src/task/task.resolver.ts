import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, PageArgs, todayInChina } from '@jiuye/common';
import type { SituationContext } from '../context';
import { inTransaction } from '../conflict/transaction';
import { resolveRegion } from '../region/region.service';
import { zeroEmploymentClearance } from './clearance.service';
import { acknowledgeTask, assignTask, closeTask, loadTaskHistory, myTasks, regionTasks, requireAssigner, taskById, type TaskWithPerson } from './task.service';
import type { TaskKind as TaskKindValue, TaskStatus as TaskStatusValue } from './task.rules';
import {
  AcknowledgeTaskInput,
  AssignTaskInput,
  CloseTaskInput,
  RegionTaskPage,
  Task,
  TaskEvent,
  TaskKind,
  TaskListFilter,
  TaskPage,
  TaskStatus,
  ZeroEmploymentClearance,
  type TaskEventRow,
  type TaskListFilterValue,
} from './task.types';

const toTask = ({ task, person }: TaskWithPerson) => new Task(task, person);

/** The history loader of a request (one statement for every task of a page). */
const histories = new WeakMap<object, DataLoader<number, TaskEventRow[]>>();
function historyLoader(context: SituationContext): DataLoader<number, TaskEventRow[]> {
  let loader = histories.get(context);
  if (!loader) histories.set(context, (loader = new DataLoader((ids) => loadTaskHistory(context.loaders.sql, ids))));
  return loader;
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskPage, {
    description: "我的任务: the caller's open tasks (assigned to its account, within the scope it holds), by due day. Person-level: needs a purpose; reads are logged.",
  })
  async myTasks(
    @Arg('filter', () => TaskListFilter, { defaultValue: 'ALL', description: 'ALL open, OVERDUE, or DUE_THIS_WEEK (today to today + 6).' }) filter: TaskListFilterValue,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<TaskPage> {
    const page = await myTasks(context.loaders.sql, context.access, filter, first, after, todayInChina());
    return { ...page, nodes: page.nodes.map(toTask) };
  }

  @Query(() => RegionTaskPage, {
    description:
      "区域任务: a region's tasks for its supervisors (department staff of the region), filtered, by due day; with open tasks by assignee and by age. Exports: GET /exports/tasks.xlsx|csv?region=…[&status=…][&kind=…][&assignee=…][&overdue=true|false]",
  })
  async tasks(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('status', () => TaskStatus, { nullable: true }) status: TaskStatusValue | null,
    @Arg('assignee', () => String, { nullable: true, description: 'Only this account.' }) assignee: string | null,
    @Arg('kind', () => TaskKind, { nullable: true }) kind: TaskKindValue | null,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only overdue; false: only not overdue.' }) overdue: boolean | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<RegionTaskPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const page = await regionTasks(context.loaders.sql, { region: place, status, assignee, kind, overdue, first, after }, todayInChina());
    return { ...page, region: place, nodes: page.nodes.map(toTask) };
  }

  @Query(() => Task, { description: 'One task: for department staff of its village and for its assignee.' })
  async task(@Arg('id', () => ID) id: string, @Ctx() context: SituationContext): Promise<Task> {
    return toTask(await taskById(context.loaders.sql, context.access, id, todayInChina()));
  }

  @Query(() => ZeroEmploymentClearance, {
    description:
      '零就业家庭动态清零: how many zero-employment households were cleared (a member employed) in a period, how fast, and how many remain. Aggregate; dashboards get small counts suppressed.',
  })
  async zeroEmploymentClearance(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'Cleared from this day; default 364 days before to.' }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Cleared up to this day; default today.' }) to: string | null,
    @Ctx() context: SituationContext,
  ): Promise<ZeroEmploymentClearance> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    return zeroEmploymentClearance(context.loaders.sql, place, { from, to }, todayInChina(), {
      suppress: context.identity.department === 'dashboard',
      threshold: context.config.suppressionThreshold,
      days: context.config.taskDueDays,
    });
  }

  @FieldResolver(() => [TaskEvent], { description: '任务记录: every transition with who, when and the note, oldest first.' })
  async history(@Root() task: Task, @Ctx() context: SituationContext): Promise<TaskEvent[]> {
    const rows = await historyLoader(context).load(task.record.id);
    return rows.map((row) => ({ fromStatus: row.from_status, toStatus: row.to_status, actor: row.actor, at: row.at, note: row.note, assignee: row.assignee }));
  }

  @Mutation(() => Task, {
    description:
      "分派任务: an officer of the subject's region assigns its task to a named account whose scope covers the subject (checked against your region and the subject); the assignee is notified.",
  })
  async assignTask(@Arg('input', () => AssignTaskInput) input: AssignTaskInput, @Ctx() context: SituationContext): Promise<Task> {
    requireAssigner(context.access);
    return toTask(await inTransaction(context.em, (sql) => assignTask(sql, context.access, input, todayInChina(), context.config.taskDueDays)));
  }

  @Mutation(() => Task, { description: '签收任务: the assignee acknowledges an ASSIGNED or REOPENED task.' })
  async acknowledgeTask(@Arg('input', () => AcknowledgeTaskInput) input: AcknowledgeTaskInput, @Ctx() context: SituationContext): Promise<Task> {
    return toTask(await inTransaction(context.em, (sql) => acknowledgeTask(sql, context.access, input, todayInChina())));
  }

  @Mutation(() => Task, {
    description:
      '办结任务: closes when the data bears it out (a member employed, the warning no longer holds, the conflict resolved), or NOT_APPLICABLE with a note by an officer; the error says why not.',
  })
  async closeTask(@Arg('input', () => CloseTaskInput) input: CloseTaskInput, @Ctx() context: SituationContext): Promise<Task> {
    return toTask(await inTransaction(context.em, (sql) => closeTask(sql, context.access, input, todayInChina())));
  }
}
