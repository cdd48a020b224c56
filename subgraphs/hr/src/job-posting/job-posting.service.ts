import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkPageSize, decodeCursor, toPage, type EmploymentPlace, type Page, type Trade } from '@jiuye/common';
import { JobPosting } from './job-posting.entity';

export const MAX_SUITABLE_POSTINGS = 100;

/** An open posting with the headcount still free. */
export interface OpenPosting {
  posting: JobPosting;
  remaining: number;
}

/** What the gateway sends with a Worker for suitableJobPostings (@requires). */
export interface MatchFacts {
  staysNearHome?: boolean | null;
  certifiedTrades?: Trade[] | null;
}

/**
 * 人岗匹配 — which open postings suit a worker: a posting asking for no trade (低门槛) or for a
 * trade the worker holds a certificate in; never an out-of-province job for someone whose care
 * duties or disability keep them near home. Best paid first. `open` is already ordered.
 * Facts the gateway did not send count against the worker (no certificates; stays near home),
 * so that nobody is offered a job they cannot take.
 */
export function suitablePostings(open: OpenPosting[], facts: MatchFacts, first: number): JobPosting[] {
  const trades = new Set(facts.certifiedTrades ?? []);
  const nearHome = facts.staysNearHome ?? true;
  const suitable: JobPosting[] = [];
  for (const { posting } of open) {
    if (suitable.length >= first) break;
    if (posting.requiredTrade !== null && !trades.has(posting.requiredTrade)) continue;
    if (nearHome && posting.place === 'OUT_OF_PROVINCE') continue;
    suitable.push(posting);
  }
  return suitable;
}

export function checkSuitableCount(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUITABLE_POSTINGS) {
    throw badInput('first', `from 1 to ${MAX_SUITABLE_POSTINGS}`, 'PAGE_SIZE');
  }
  return first;
}

export class JobPostingService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Every posting open on a day with headcount left (headcount minus the intentions reached
   * for it), best paid first: one statement. A county has a few hundred postings at most, so
   * a request loads them once and matches every worker in memory.
   */
  async openOn(day: string): Promise<OpenPosting[]> {
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select p.*, p.headcount - t.taken as remaining from job_posting p ` +
        `cross join lateral (select count(*)::int as taken from job_fair_intention i where i.posting_id = p.id) t ` +
        `where p.open_from <= ? and p.open_until >= ? and p.headcount > t.taken ` +
        `order by p.monthly_wage_max desc, p.id asc`,
      [day, day],
    );
    return rows.map(({ remaining, ...columns }) => ({ posting: this.em.map(JobPosting, columns), remaining: Number(remaining) }));
  }

  /** posting id → intentions reached for it, for many postings in one statement. */
  async takenCounts(ids: readonly number[]): Promise<{ postingId: number; taken: number }[]> {
    const rows = await this.em.getConnection().execute<{ posting_id: number; taken: number }[]>(
      `select posting_id, count(*)::int as taken from job_fair_intention where posting_id in (${ids.map(() => '?').join(', ')}) group by posting_id`,
      [...ids],
    );
    return rows.map((r) => ({ postingId: r.posting_id, taken: r.taken }));
  }

  async list(args: { place?: EmploymentPlace | null; requiredTrade?: Trade | null; openOn?: string | null; first: number; after?: string | null }): Promise<Page<JobPosting>> {
    const first = checkPageSize(args.first);
    const after = decodeCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.place) where.place = args.place;
    if (args.requiredTrade) where.requiredTrade = args.requiredTrade;
    if (args.openOn) {
      where.openFrom = { $lte: args.openOn };
      where.openUntil = { $gte: args.openOn };
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(JobPosting, after === null ? where : { ...where, id: { $gt: Number(after) } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(JobPosting, where),
    ]);
    return toPage(rows, first, totalCount, (p) => p.id);
  }
}
