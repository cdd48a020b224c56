import { registerEnumType } from 'type-graphql';
import { addDays } from '@jiuye/common';

/**
 * 跟踪回访节奏 — a worker on an open transfer is visited at least every 30 days: the first visit is
 * due 30 days after the first working day, each next one 30 days after the last visit. The
 * situation's warning TRANSFER_NO_FOLLOW_UP (subgraphs/situation/src/warning/rules.ts) fires the
 * day after this date; both follow the monthly verification rhythm (月动态核实).
 */
export const FOLLOW_UP_INTERVAL_DAYS = 30;

/** The day the next follow-up is due; null once the worker left the job (nothing more to visit). */
export function followUpDueOn(transfer: { startedOn: string; endedOn: string | null }, lastVisitedOn: string | null): string | null {
  if (transfer.endedOn !== null) return null;
  const anchor = lastVisitedOn !== null && lastVisitedOn > transfer.startedOn ? lastVisitedOn : transfer.startedOn;
  return addDays(anchor, FOLLOW_UP_INTERVAL_DAYS);
}

/** Which transfers a list keeps by their follow-up (transfers(followUpDue:)): the same rhythm, in SQL. */
export enum FollowUpDueFilter {
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(FollowUpDueFilter, {
  name: 'FollowUpDueFilter',
  description: '待回访筛选 — transfers by their next follow-up (跟踪回访节奏: 30 days after the latest visit, or after the first working day).',
  valuesConfig: {
    DUE: { description: '待回访: open, next follow-up due today or earlier (Transfer.followUpDue).' },
    OVERDUE: {
      description:
        '逾期未回访: open, next follow-up due before today — the latest visit (or the first working day) more than 30 days ago, as the situation warning TRANSFER_NO_FOLLOW_UP.',
    },
  },
});

/**
 * followUpDueOn in SQL for the transfer row aliased `t` (the anchor is the latest visit when after
 * the first working day, else that day; greatest() skips a missing visit), compared with the day in
 * the placeholder `today` (a '?' for MikroORM). One definition with followUpDueOn above.
 */
export function followUpDueSql(filter: FollowUpDueFilter, t: string, today = '?'): string {
  const dueOn = `(greatest(${t}.started_on, (select max(v.visited_on) from follow_up_visit v where v.transfer_id = ${t}.id)) + ${FOLLOW_UP_INTERVAL_DAYS})`;
  return `(${t}.ended_on is null and ${dueOn} ${filter === FollowUpDueFilter.OVERDUE ? '<' : '<='} ${today}::date)`;
}
