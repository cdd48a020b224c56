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
