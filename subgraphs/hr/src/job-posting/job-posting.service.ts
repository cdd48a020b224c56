import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, checkPageSize, decodeIdCursor, type EmploymentPlace, type Page, toPage, type Trade } from '@jiuye/common';
import { JobPosting } from './job-posting.entity';

export const MAX_SUITABLE_POSTINGS = 100;

/** What the gateway sends with a Worker for suitableJobPostings (@requires). */
export interface MatchFacts {
  staysNearHome?: boolean | null;
  certifiedTrades?: Trade[] | null;
}

/**
 * 人岗匹配 — which open postings suit a worker: a posting asking for no trade (低门槛) or for a
 * trade the worker holds a certificate in; never an out-of-province job for someone whose care
 * duties or disability keep them near home. Best paid first, with headcount left. Facts the
 * gateway did not send count against the worker (no certificates; stays near home), so that
 * nobody is offered a job they cannot take. JobPostingService.suitableFor applies it in SQL;
 * a SuitableQuery is one worker's question: the facts that decide the answer, and how many.
 */
export interface SuitableQuery {
  day: string;
  nearHome: boolean;
  trades: Trade[];
  first: number;
}

/** Workers with the same facts get the same postings: the loader key. */
export function suitableKey(day: string, facts: MatchFacts, first: number): string {
  const trades = [...new Set(facts.certifiedTrades ?? [])].sort();
  return JSON.stringify({ day, nearHome: facts.staysNearHome ?? true, trades, first } satisfies SuitableQuery);
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
   * The suitable postings for several sets of facts in one statement: per set, the best-paid
   * open postings that match, walked in wage order and stopped at `first`, so that only the
   * postings shown are counted and mapped (a province has tens of thousands of postings; the
   * old way loaded them all per request).
   */
  async suitableFor(queries: readonly SuitableQuery[]): Promise<{ posting: JobPosting; remaining: number; query: number }[]> {
    if (queries.length === 0) return [];
    // knex expands an array binding into a list, so each array is spelled out: array[?, ?, …].
    const list = (type: string) => `array[${queries.map(() => '?').join(', ')}]::${type}[]`;
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select q.ord - 1 as query_index, p.*, p.headcount - p.taken as remaining
       from unnest(${list('date')}, ${list('boolean')}, ${list('text')}, ${list('int')}) with ordinality as q(day, near_home, trades, lim, ord)
       cross join lateral (
         select c.*, t.taken from (
           select p.* from job_posting p
           where p.open_from <= q.day and p.open_until >= q.day
             and (p.required_trade is null or p.required_trade = any(string_to_array(q.trades, ',')))
             and (not q.near_home or p.place <> 'OUT_OF_PROVINCE')
           order by p.monthly_wage_max desc, p.id asc
         ) c
         cross join lateral (select count(*)::int as taken from job_fair_intention i where i.posting_id = c.id) t
         where c.headcount > t.taken
         limit q.lim
       ) p
       order by q.ord, p.monthly_wage_max desc, p.id asc`,
      [...queries.map((q) => q.day), ...queries.map((q) => q.nearHome), ...queries.map((q) => q.trades.join(',')), ...queries.map((q) => q.first)],
    );
    return rows.map(({ query_index, remaining, taken: _taken, ...columns }) => ({
      posting: this.em.map(JobPosting, columns),
      remaining: Number(remaining),
      query: Number(query_index),
    }));
  }

  /** posting id → intentions reached for it, for many postings in one statement. */
  async takenCounts(ids: readonly number[]): Promise<{ postingId: number; taken: number }[]> {
    const rows = await this.em
      .getConnection()
      .execute<{ posting_id: number; taken: number }[]>(
        `select posting_id, count(*)::int as taken from job_fair_intention where posting_id in (${ids.map(() => '?').join(', ')}) group by posting_id`,
        [...ids],
      );
    return rows.map((r) => ({ postingId: r.posting_id, taken: r.taken }));
  }

  async list(args: { place?: EmploymentPlace | null; requiredTrade?: Trade | null; openOn?: string | null; first: number; after?: string | null }): Promise<Page<JobPosting>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.place) where.place = args.place;
    if (args.requiredTrade) where.requiredTrade = args.requiredTrade;
    if (args.openOn) {
      where.openFrom = { $lte: args.openOn };
      where.openUntil = { $gte: args.openOn };
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(JobPosting, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(JobPosting, where),
    ]);
    return toPage(rows, first, totalCount, (p) => p.id);
  }
}
