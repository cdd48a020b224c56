import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, type Trade } from '@jiuye/common';
import { PartnerJobPosting } from './job-posting.entity';

/**
 * 人岗匹配, the partner cities' side. hr answers Worker.suitableJobPostings from its own
 * job_posting; the partner cities' pushed postings live here, so partner adds its own field,
 * Worker.suitablePartnerJobPostings, on the same facts: the gateway fetches staysNearHome
 * (civil) and certifiedTrades (training) and sends them with the Worker (@requires), as it does
 * for hr. No department imports another; a client asks for both fields and sees both lists.
 *
 * The rule, as hr's: a posting open today that asks for no trade (低门槛) or for a trade the
 * worker holds a certificate in, best paid first. A pushed posting is a job in the partner city,
 * away from home by definition (转移就业): a worker whose care duties or disability keep them
 * near home is offered none. Facts the gateway did not send count against the worker (no
 * certificates; stays near home), so that nobody is offered a job they cannot take.
 */
export interface MatchFacts {
  staysNearHome?: boolean | null;
  certifiedTrades?: Trade[] | null;
}

export const MAX_SUITABLE_POSTINGS = 100;

/** One worker's question: the facts that decide the answer, how many, and the city (partner-city staff: their own; null: every city). */
export interface SuitableQuery {
  day: string;
  nearHome: boolean;
  trades: Trade[];
  first: number;
  city: string | null;
}

/** Workers with the same facts get the same postings: the loader key. */
export function suitableKey(day: string, facts: MatchFacts, first: number, city: string | null): string {
  const trades = [...new Set(facts.certifiedTrades ?? [])].sort();
  return JSON.stringify({ day, nearHome: facts.staysNearHome ?? true, trades, first, city } satisfies SuitableQuery);
}

export function checkSuitableCount(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUITABLE_POSTINGS) throw badInput('first', `from 1 to ${MAX_SUITABLE_POSTINGS}`, 'PAGE_SIZE');
  return first;
}

/** The suitable postings for several sets of facts in one statement, each walked in wage order and stopped at `first`. */
export async function suitablePartnerPostings(em: EntityManager, queries: readonly SuitableQuery[]): Promise<{ posting: PartnerJobPosting; query: number }[]> {
  if (queries.length === 0) return [];
  // knex expands an array binding into a list, so each array is spelled out: array[?, ?, …].
  const list = (type: string) => `array[${queries.map(() => '?').join(', ')}]::${type}[]`;
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select q.ord - 1 as query_index, p.*
       from unnest(${list('date')}, ${list('boolean')}, ${list('text')}, ${list('int')}, ${list('text')}) with ordinality as q(day, near_home, trades, lim, city, ord)
       cross join lateral (
         select p.* from partner_job_posting p
          where not q.near_home
            and p.pushed_on <= q.day and p.valid_until >= q.day and (p.closed_on is null or p.closed_on > q.day)
            and (p.required_trade is null or p.required_trade = any(string_to_array(q.trades, ',')))
            and (q.city is null or p.city_code = q.city)
          order by p.monthly_wage desc, p.id asc
          limit q.lim
       ) p
      order by q.ord, p.monthly_wage desc, p.id asc`,
    [...queries.map((q) => q.day), ...queries.map((q) => q.nearHome), ...queries.map((q) => q.trades.join(',')), ...queries.map((q) => q.first), ...queries.map((q) => q.city)],
  );
  return rows.map(({ query_index, ...columns }) => ({ posting: em.map(PartnerJobPosting, columns), query: Number(query_index) }));
}
