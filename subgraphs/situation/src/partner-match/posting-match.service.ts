import { OUTCOMES_OF, RegionTree, SuppressedTable, TOTAL, TradeVocabulary, type Equation, type ServiceOutcome, type Trade } from '@jiuye/common';
import type { Sql } from '../db';
import type { PostingMatches } from './posting-match.types';

/**
 * Who would fit a pushed posting of a city, whatever trade it asks (person_situation p): able to
 * work and not already working away from home (unemployed, or employed in the township or
 * county) nor on an open transfer, willing to go where the job is, not kept near home. As a
 * condition: $1 the posting city's 4-digit code, $2 the region prefix ('' for all). Kept near
 * home is civil's staysNearHome (an active care duty, a disability of grade 1–2, or of grade 3
 * physical, visual or multiple), as the projector copied it. The trade a posting asks for is a
 * column of the table below, not a filter: every posting publishes from the same table.
 */
export const WILLING_FOR_CITY = `p.able_labourer
  and not (p.employment_status = 'EMPLOYED' and p.employment_place in ('OUT_OF_PROVINCE', 'OUT_OF_COUNTY_IN_PROVINCE'))
  and not (p.transfer_id is not null and p.transfer_ended_on is null)
  and p.employment_intention = case when left(p.village_code, 2) = left($1, 2) then 'IN_PROVINCE' else 'OUT_OF_PROVINCE' end
  and cardinality(p.care_reasons) = 0
  and not coalesce(p.disability_grade <= 2 or (p.disability_grade = 3 and p.disability_kind in ('PHYSICAL', 'VISUAL', 'MULTIPLE')), false)
  and p.village_code like $2 || '%'`;

const REFERRAL_OUTCOMES = OUTCOMES_OF.JOB_REFERRAL!;
const TRADES = TradeVocabulary.values as readonly Trade[];
/** Willing workers with no certificate; `!c` is the complement of category c (willing, not in c). */
const NO_CERTIFICATE = 'NONE';
const complement = (category: string) => `!${category}`;

/**
 * The one table every posting of a city publishes from, per region unit: all the willing ('*'),
 * those certified in each trade T and those not ('!T'), those without a certificate and those
 * with one. The complements are never shown, but they are cells of the table: '*' = T + '!T'
 * ties them, so a complement of 1 … threshold−1 (what a city would get by subtracting its trade
 * posting's count from its no-trade posting's) is withheld at once, and so is one more member of
 * its sum. A posting shows its column ('*' without a trade, T with one).
 */
export const MATCH_CATEGORIES: readonly string[] = [TOTAL, NO_CERTIFICATE, complement(NO_CERTIFICATE), ...TRADES.flatMap((t) => [t, complement(t)])];
export const MATCH_EQUATIONS: readonly Equation[] = [NO_CERTIFICATE, ...TRADES].map((c) => ({ total: TOTAL, parts: [c, complement(c)] }));

/**
 * Where the table is decided: the units (townships, or a village assistant's own village) of the
 * caller's whole province ('' for a partner city: every province). No sum crosses a province, and
 * within one the willing are those of one intention (IN_PROVINCE for a city of that province,
 * OUT_OF_PROVINCE for any other), so every city, region and posting that shows a cell shows it
 * from the same pattern: a township reads the same in the city's, the county's and its own answer.
 */
function tableScope(region: string): { prefix: string; unitLength: number } {
  if (region.length > 9) return { prefix: region, unitLength: region.length };
  return { prefix: region.slice(0, 2), unitLength: 9 };
}

/** The willing per unit and category, before suppression. */
async function willingTable(sql: Sql, cityCode: string, scope: { prefix: string; unitLength: number }): Promise<Map<string, Record<string, number>>> {
  const rows = await sql.rows<{ unit: string; trade: string | null; whole: number; n: number }>(
    `select w.unit, t.trade, grouping(t.trade)::int as whole, count(distinct w.worker_id)::int as n
       from (select left(p.village_code, $3::int) as unit, p.worker_id, p.certified_trades from person_situation p where ${WILLING_FOR_CITY}) w
       left join lateral unnest(w.certified_trades) as t(trade) on true
      group by grouping sets ((w.unit), (w.unit, t.trade))`,
    [cityCode, scope.prefix, scope.unitLength],
  );
  const table = new Map<string, Record<string, number>>();
  for (const r of rows) {
    let row = table.get(r.unit);
    if (!row) table.set(r.unit, (row = {}));
    row[r.whole === 1 ? TOTAL : (r.trade ?? NO_CERTIFICATE)] = r.n;
  }
  for (const row of table.values()) {
    row[TOTAL] ??= 0;
    for (const category of [NO_CERTIFICATE, ...TRADES]) row[complement(category)] = row[TOTAL] - (row[category] ??= 0);
  }
  return table;
}

/**
 * The caller's region's cell: its node of the tree (0 when no unit lies in it) or, for a partner
 * city (every worker, region ''), the sum over the provinces, each published or the sum withheld.
 */
function regionCell(tree: RegionTree, table: SuppressedTable, region: string, category: string): number | null {
  const roots = region.length === 0 ? tree.nodes.filter((node) => node.length === 2) : tree.nodes.includes(region) ? [region] : [];
  const values = roots.map((root) => table.published(root, category));
  return values.some((v) => v === null) ? null : values.reduce<number>((n, v) => n + v!, 0);
}

/**
 * The counts for one posting: its column of the city's table (see MATCH_CATEGORIES), for the
 * caller's region; referrals to it by outcome, from a table of the posting's referrals over the
 * same units.
 */
export async function postingMatches(sql: Sql, posting: { id: string; cityCode: string; requiredTrade: Trade | null }, region: string, threshold: number): Promise<PostingMatches> {
  const scope = tableScope(region);
  const [townships, counts, referrals] = await Promise.all([
    sql.rows<{ code: string; name: string | null }>(`select code, name from division where level = 'TOWNSHIP' and code like $1 || '%' order by code`, [scope.prefix]),
    willingTable(sql, posting.cityCode, scope),
    sql.rows<{ unit: string; outcome: ServiceOutcome; n: number }>(
      `select left(s.village_code, $3::int) as unit, s.outcome, count(*)::int as n from person_service s
        where s.kind = 'JOB_REFERRAL' and s.posting_source = 'PARTNER_PUSHED_POSTING' and $1 = any(s.posting_ids) and s.village_code like $2 || '%'
        group by 1, 2`,
      [String(posting.id), scope.prefix, scope.unitLength],
    ),
  ]);
  // Every unit of the scope (zeros too), so the pattern depends on the data only, not on who asks.
  const scopeUnits = scope.unitLength === 9 ? townships.map((t) => t.code) : [scope.prefix];
  const units = new Set([...scopeUnits, ...counts.keys()]);
  const tree = new RegionTree(units);
  const table = new SuppressedTable(tree, new Map([...units].map((code) => [code, counts.get(code) ?? {}])), threshold, MATCH_CATEGORIES, {
    categoryEquations: MATCH_EQUATIONS,
  });
  const regionValue = (category: string) => regionCell(tree, table, region, category);
  const column = posting.requiredTrade ?? TOTAL;
  const names = new Map(townships.map((t) => [t.code, t.name]));
  const byTownship = [...units]
    .filter((code) => code.length === 9 && code.startsWith(region))
    .sort()
    .map((code) => ({ code, name: names.get(code) ?? null, workers: table.published(code, column) }));
  const total = regionValue(column);
  // A trade posting's willing are all certified in its trade: its breakdown is that trade alone (no co-certification opens a new dimension).
  const byTrade = posting.requiredTrade
    ? [{ trade: posting.requiredTrade, workers: total }]
    : [{ trade: null, workers: regionValue(NO_CERTIFICATE) }, ...TRADES.map((trade) => ({ trade, workers: regionValue(trade) }))];
  // Referrals by outcome: a table of their own over the same units (outcomes are not summed: no total is published), so
  // a region's count and its townships' (a county's dashboard and a township's) cannot be subtracted either.
  const referralUnits = new Map<string, Record<string, number>>(scopeUnits.map((code) => [code, {}]));
  for (const r of referrals) {
    let row = referralUnits.get(r.unit);
    if (!row) referralUnits.set(r.unit, (row = {}));
    row[r.outcome] = r.n;
  }
  const referralTree = new RegionTree(referralUnits.keys());
  const referralTable = new SuppressedTable(referralTree, referralUnits, threshold, REFERRAL_OUTCOMES, { categoryEquations: [] });
  const referralCells = REFERRAL_OUTCOMES.map((outcome) => ({ outcome, referrals: regionCell(referralTree, referralTable, region, outcome) }));
  const suppressed = [total, ...byTownship.map((t) => t.workers), ...byTrade.map((t) => t.workers), ...referralCells.map((r) => r.referrals)].some((v) => v === null);
  return { total, byTownship, byTrade, referrals: referralCells, suppressed };
}
