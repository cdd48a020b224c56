import type { FollowUpVisit } from '../follow-up/follow-up.entity';
import type { Transfer } from '../transfer/transfer.entity';

/** The open confirmed transfer (at most one, enforced by a partial unique index), or null: a pending claim is not the worker's job yet. */
export function currentTransfer(transfersNewestFirst: Transfer[]): Transfer | null {
  return transfersNewestFirst.find((t) => t.endedOn === null && t.confirmation === 'CONFIRMED') ?? null;
}

/**
 * 稳岗: whether the last follow-up visit of the worker's latest transfer found them still
 * employed; null when there is no transfer or that transfer has not been visited yet.
 */
export function retained(latestTransferVisitsNewestFirst: FollowUpVisit[] | null): boolean | null {
  return latestTransferVisitsNewestFirst?.[0]?.stillEmployed ?? null;
}

/** Visits of several transfers merged newest first. */
export function newestVisitsFirst(visits: FollowUpVisit[]): FollowUpVisit[] {
  return [...visits].sort((a, b) => (a.visitedOn === b.visitedOn ? b.id - a.id : a.visitedOn < b.visitedOn ? 1 : -1));
}
