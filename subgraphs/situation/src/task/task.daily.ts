import pg from 'pg';
import { todayInChina, type Logger } from '@jiuye/common';
import { clientSql, readModelTypes, type Sql } from '../db';
import { keptWarningsHold, refreshWarnings } from '../warning/warning.state';
import { keptConflictsReady, refreshConflicts } from '../conflict/conflict.state';
import { notificationChannel } from './task.notify';
import { DAILY_ACTOR, noticeText, type TaskKind } from './task.rules';
import { runCompletenessCheck } from '../completeness/completeness.monthly';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The daily evaluation: every assigned task that is not closed and whose due day has passed gets
 * one overdue notice to its assignee (once per due date: reopening or a new spell resets it),
 * and an event in its history. Runs at most once per China day (task_evaluation), so replicas
 * and restarts do not notify twice. Returns how many notices it wrote (0 if the day already ran).
 */
export async function evaluateOverdueTasks(sql: Sql, today: string): Promise<number> {
  const first = await sql.one<{ day: string }>(`insert into task_evaluation (day) values ($1) on conflict (day) do nothing returning day::text`, [today]);
  if (!first) return 0;
  const overdue = await sql.rows<{ id: number; kind: TaskKind; assignee: string; assignee_kind: string | null; due_on: string; status: string; village_name: string | null }>(
    `update task t set overdue_notified_on = $1, updated_at = now()
      where t.status <> 'CLOSED' and t.assignee is not null and t.due_on < $1 and t.overdue_notified_on is null
      returning t.id, t.kind, t.assignee, t.assignee_kind, t.due_on::text as due_on, t.status, (select d.name from division d where d.code = t.village_code) as village_name`,
    [today],
  );
  for (const task of overdue) {
    await sql.rows(`insert into task_event (task_id, from_status, to_status, actor, note, assignee) values ($1, $2, $2, $3, $4, $5)`, [
      task.id,
      task.status,
      DAILY_ACTOR,
      `已逾期（期限 ${task.due_on}），已通知责任人`,
      task.assignee,
    ]);
    await notificationChannel().notify(sql, {
      recipient: task.assignee,
      recipientKind: task.assignee_kind,
      kind: 'TASK_OVERDUE',
      taskId: task.id,
      text: noticeText('overdue', task.kind, task.id, task.village_name, task.due_on),
    });
  }
  await sql.rows(`update task_evaluation set overdue_notices = $2 where day = $1`, [today, overdue.length]);
  return overdue.length;
}

/**
 * The day's evaluation, each part in a transaction of its own on one client: the kept warnings
 * re-evaluated for the new day when they hold for another (warning/warning.state.ts), the kept
 * conflicts when they cannot be read (conflict/conflict.state.ts), then
 * evaluateOverdueTasks and the monthly completeness check (应登尽登, once per month; its new tasks
 * assigned to the responsible cadre's account unless `autoAssign` is false). Returns the overdue
 * notices written.
 */
export async function runDailyEvaluation(databaseUrl: string, today = todayInChina(), autoAssign = true): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, types: readModelTypes });
  // The server going away mid-evaluation fails the statement under way (retried within the hour); the event must not end the process.
  client.on('error', () => undefined);
  await client.connect();
  const inTransaction = async <T>(work: (sql: Sql) => Promise<T>): Promise<T> => {
    await client.query('begin');
    try {
      const result = await work(clientSql(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  };
  try {
    if (!(await keptWarningsHold(clientSql(client), today))) await inTransaction((sql) => refreshWarnings(sql, today, null));
    if (!(await keptConflictsReady(clientSql(client)))) await inTransaction((sql) => refreshConflicts(sql, null));
    return await inTransaction(async (sql) => {
      const notices = await evaluateOverdueTasks(sql, today);
      await runCompletenessCheck(sql, today, autoAssign);
      return notices;
    });
  } finally {
    await client.end();
  }
}

/** Milliseconds from `now` to a few seconds after the next midnight in China (UTC+8). */
export function untilNextChinaDay(now = Date.now()): number {
  const DAY_MS = 24 * HOUR_MS;
  const chinaNow = now + 8 * HOUR_MS;
  return DAY_MS - (chinaNow % DAY_MS) + 5_000;
}

/** The service's daily evaluation: at start and every hour it checks whether today's has run. */
export class DailyTaskEvaluation {
  private timer: NodeJS.Timeout | null = null;
  private midnight: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    /** TASK_AUTO_ASSIGN: the monthly check's new tasks go to the responsible cadre's account. */
    private readonly autoAssign = true,
  ) {}

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), HOUR_MS);
    this.timer.unref();
    this.atMidnight();
  }

  /** Also just after each China midnight, so that the new day's warnings are kept from its first minutes. */
  private atMidnight(): void {
    this.midnight = setTimeout(() => {
      void this.tick();
      this.atMidnight();
    }, untilNextChinaDay());
    this.midnight.unref();
  }

  private tick(): Promise<unknown> {
    this.running = runDailyEvaluation(this.databaseUrl, todayInChina(), this.autoAssign)
      .then((notices) => notices > 0 && this.logger.info({ notices }, 'tasks: overdue notices written'))
      .catch((error: Error) => this.logger.error({ error: error.message }, 'tasks: the daily evaluation failed; retried within the hour'));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.midnight) clearTimeout(this.midnight);
    await this.running;
  }
}
