import { Arg, Args, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import {
  checkPageSize,
  decodeTextCursor,
  HOUSEHOLD_CODE_PATTERN,
  LocalDateScalar,
  type Page,
  PageArgs,
  PageInfo,
  PovertyStatus,
  RELAPSE_RULE_IDS,
  todayInChina,
  toPage,
} from '@jiuye/common';
import type { SituationContext } from '../context';
import type { Sql } from '../db';
import { Freshness } from '../freshness/freshness.types';
import { readFreshness } from '../freshness/freshness.service';
import { Household } from '../person/situation-person.type';
import { resolveRegion, type Region } from '../region/region';
import { RegionType } from '../region/region.type';
import { regionCondition } from '../sql/conditions';
import { WARNING_RULE_BY_ID, type WarningRow, type WarningRule } from '../warning/rules';
import { WarningRuleId } from '../warning/warning.types';

/**
 * 防返贫监测候选 (issue 14): registered poor or lifted households (未脱贫, 已脱贫, 脱贫不稳定) flagged
 * by a relapse warning rule and not under an open monitoring case (poverty publishes each case's
 * step; household_relapse keeps the open one). A poverty officer opens a case from a candidate
 * with entry route DEPARTMENT_DATA and the rule id (poverty's openMonitoringCase).
 */

const RULES: WarningRule[] = RELAPSE_RULE_IDS.map((id) => {
  const rule = WARNING_RULE_BY_ID.get(id);
  if (!rule || rule.subject !== 'household') throw new Error(`relapse candidates: ${id} is not a household warning rule`);
  return rule;
});

const withToday = (expression: string) => expression.replace(/\$today/g, '$2');

const CANDIDATE_WHERE = `h.poverty_status in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE')
  and not exists (select 1 from household_relapse open_case where open_case.code = h.code and open_case.open_case_step is not null)
  and (${RULES.map((rule) => `(${withToday(rule.condition)})`).join(' or ')})`;

interface CandidateRow {
  code: string;
  village_code: string;
  village_name: string | null;
  poverty_status: string;
  matched: { rule: string; since: string | null; facts: Record<string, unknown> }[];
}

const MATCHED = `array_remove(array[${RULES.map(
  (rule) =>
    `case when (${withToday(rule.condition)}) then jsonb_build_object('rule', '${rule.id}', 'since', (${withToday(rule.since)})::date, 'facts', jsonb_build_object(${Object.entries(
      rule.facts,
    )
      .map(([name, expression]) => `'${name}', ${withToday(expression)}`)
      .join(', ')})) end`,
).join(', ')}], null)`;

/** One page of candidates in household-code order ($1 region, $2 today). */
export async function relapseCandidatePage(sql: Sql, region: Region, first: number, after: string | null | undefined, today = todayInChina()): Promise<Page<CandidateRow>> {
  checkPageSize(first);
  const cursor = decodeTextCursor(after, HOUSEHOLD_CODE_PATTERN);
  const where = `${regionCondition('h.village_code', 1, region.code)} and ${CANDIDATE_WHERE}`;
  const values: unknown[] = cursor === null ? [region.code, today, first + 1] : [region.code, today, cursor, first + 1];
  const [rows, count] = await Promise.all([
    sql.rows<CandidateRow>(
      `select h.code, h.village_code, (select d.name from division d where d.code = h.village_code) as village_name, h.poverty_status, ${MATCHED} as matched
         from household_situation h where ${where}${cursor === null ? '' : ' and h.code > $3'} order by h.code limit $${values.length}`,
      values,
    ),
    sql.one<{ n: number }>(`select count(*)::int as n from household_situation h where ${where}`, [region.code, today]),
  ]);
  return toPage(rows, first, count?.n ?? 0, (row) => row.code);
}

@ObjectType({ description: 'One relapse warning that holds for a candidate household.' })
export class RelapseSignal {
  @Field(() => WarningRuleId, { description: 'Pass as sourceRule to openMonitoringCase (entryRoute DEPARTMENT_DATA).' })
  rule: string;

  @Field(() => String)
  label: string;

  @Field(() => LocalDateScalar, { nullable: true })
  since: string | null;

  @Field(() => String, { description: '预警原因 (dates and facts; no name, no ID number)' })
  reason: string;
}

@ObjectType({ description: '防返贫监测候选 — a registered poor or lifted household flagged by a relapse warning, not under an open monitoring case.' })
export class RelapseCandidate {
  constructor(readonly record: CandidateRow) {}

  @Field(() => String, { description: '户编号' })
  get householdCode(): string {
    return this.record.code;
  }

  @Field(() => Household, { description: 'The household (poverty’s fields, e.g. monitoringCases, through the gateway).' })
  get household(): Household {
    return { code: this.record.code };
  }

  @Field(() => String, { description: '村（社区）代码' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => PovertyStatus, { description: '户贫困状态 (poverty, as the read model holds it)' })
  get povertyStatus(): string {
    return this.record.poverty_status;
  }

  @Field(() => [RelapseSignal], { description: 'The relapse rules that hold today (at most three).' })
  get signals(): RelapseSignal[] {
    return this.record.matched.map((m) => {
      const rule = WARNING_RULE_BY_ID.get(m.rule)!;
      return { rule: rule.id, label: rule.label, since: m.since, reason: rule.reason({ facts: m.facts } as unknown as WarningRow) };
    });
  }
}

@ObjectType()
export class RelapseCandidatePage {
  @Field(() => RegionType)
  region: Region;

  @Field(() => [RelapseCandidate], { description: 'By household code.' })
  nodes: RelapseCandidate[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}

@Resolver()
export class RelapseCandidateResolver {
  @Query(() => RelapseCandidatePage, {
    description: `防返贫监测候选: registered poor and lifted households of a region flagged today by ${RELAPSE_RULE_IDS.join(', ')} and not under an open monitoring case (department staff of the region).`,
  })
  async relapseCandidates(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<RelapseCandidatePage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([relapseCandidatePage(context.loaders.sql, place, first, after), readFreshness(context.loaders.sql)]);
    return { region: place, nodes: page.nodes.map((row) => new RelapseCandidate(row)), totalCount: page.totalCount, pageInfo: page.pageInfo, freshness };
  }
}
