import { OUTCOMES_OF, primarySuppressed, RegionTree, SuppressedTable, type ServiceOutcome, type Trade } from '@jiuye/common';
import type { Sql } from '../db';
import type { PostingMatches } from './posting-match.types';

/**
 * Who would fit a pushed posting (person_situation p): able to work and not already working
 * away from home (unemployed, or employed in the township or county) nor on an open transfer,
 * willing to go where the job is, not kept near home, certified in the trade it asks for. As a condition: $1 the posting city's
 * 4-digit code, $2 the trade it asks for (null: none), $3 the region prefix ('' for all).
 * Kept near home is civil's staysNearHome (an active care duty, a disability of grade 1–2, or
 * of grade 3 physical, visual or multiple), as the projector copied it.
 */
export const WILLING_FOR_POSTING = `p.able_labourer
  and not (p.employment_status = 'EMPLOYED' and p.employment_place in ('OUT_OF_PROVINCE', 'OUT_OF_COUNTY_IN_PROVINCE'))
  and not (p.transfer_id is not null and p.transfer_ended_on is null)
  and p.employment_intention = case when left(p.village_code, 2) = left($1, 2) then 'IN_PROVINCE' else 'OUT_OF_PROVINCE' end
  and cardinality(p.care_reasons) = 0
  and not coalesce(p.disability_grade <= 2 or (p.disability_grade = 3 and p.disability_kind in ('PHYSICAL', 'VISUAL', 'MULTIPLE')), false)
  and ($2::text is null or $2::text = any(p.certified_trades))
  and p.village_code like $3 || '%'`;

const REFERRAL_OUTCOMES = OUTCOMES_OF.JOB_REFERRAL!;

/** The counts for one posting, suppressed: townships as one table (their total is their sum), trades and referrals cell by cell. */
export async function postingMatches(sql: Sql, posting: { id: string; cityCode: string; requiredTrade: Trade | null }, region: string, threshold: number): Promise<PostingMatches> {
  const [townships, byTownship, byTrade, referrals] = await Promise.all([
    sql.rows<{ code: string; name: string | null }>(`select code, name from division where level = 'TOWNSHIP' and code like $1 || '%' order by code`, [region]),
    sql.rows<{ township: string; n: number }>(`select left(p.village_code, 9) as township, count(*)::int as n from person_situation p where ${WILLING_FOR_POSTING} group by 1`, [
      posting.cityCode,
      posting.requiredTrade,
      region,
    ]),
    sql.rows<{ trade: Trade | null; n: number }>(
      `select t.trade, count(*)::int as n
         from person_situation p
         cross join lateral (select unnest(case when cardinality(p.certified_trades) = 0 then array[null]::text[] else p.certified_trades end) as trade) t
        where ${WILLING_FOR_POSTING}
        group by t.trade order by t.trade nulls first`,
      [posting.cityCode, posting.requiredTrade, region],
    ),
    sql.rows<{ outcome: ServiceOutcome; n: number }>(
      `select s.outcome, count(*)::int as n from person_service s
        where s.kind = 'JOB_REFERRAL' and s.posting_source = 'PARTNER_PUSHED_POSTING' and $1 = any(s.posting_ids) and s.village_code like $2 || '%'
        group by s.outcome`,
      [String(posting.id), region],
    ),
  ]);
  let suppressed = false;
  const publish = (value: number) => {
    if (!primarySuppressed(value, threshold)) return value;
    suppressed = true;
    return null;
  };
  const counts = new Map(byTownship.map((r) => [r.township, r.n]));
  // Every township of the region is a unit (zeros too), so the pattern is the same whichever posting or region asks.
  const units = new Set([...townships.map((t) => t.code), ...counts.keys()]);
  const tree = new RegionTree(units);
  const table = new SuppressedTable(tree, new Map([...units].map((code) => [code, { '*': counts.get(code) ?? 0 }])), threshold);
  const names = new Map(townships.map((t) => [t.code, t.name]));
  const townshipCells = [...units].sort().map((code) => ({ code, name: names.get(code) ?? null, workers: table.published(code) }));
  // The total is the region's node (or, for every worker, the provinces' sum: each published, or the total is withheld).
  const roots = region.length === 0 ? tree.nodes.filter((node) => node.length === 2) : tree.nodes.includes(region) ? [region] : [];
  const rootValues = roots.map((root) => table.published(root));
  const total = roots.length === 0 ? publish(byTownship.reduce((n, r) => n + r.n, 0)) : rootValues.some((v) => v === null) ? null : rootValues.reduce<number>((n, v) => n + v!, 0);
  if (total === null || townshipCells.some((t) => t.workers === null)) suppressed = true;
  const referralCounts = new Map(referrals.map((r) => [r.outcome, r.n]));
  return {
    total,
    byTownship: townshipCells,
    byTrade: byTrade.map((r) => ({ trade: r.trade, workers: publish(r.n) })),
    referrals: REFERRAL_OUTCOMES.map((outcome) => ({ outcome, referrals: publish(referralCounts.get(outcome) ?? 0) })),
    suppressed,
  };
}
