import { Field, Float, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { RegionType } from '../region/region.types';

export const RankingBasisVocabulary = defineVocabulary('RankingBasis', '排名依据 — what the weekly ranking ranks villages by.', {
  COUNT: '按本周新增转移就业人数 (the default)',
  COMPLETION_RATE: '按年度转移就业目标完成率: new transfers from 1 January to the week’s last day ÷ the village’s year target (Query.setTargets, NEW_TRANSFERS)',
});
export type RankingBasis = (typeof RankingBasisVocabulary.values)[number];
export const RankingBasis = RankingBasisVocabulary.enumObject;

@ObjectType({
  description:
    '一个村的周排名 — one village in the weekly ranking. For dashboard accounts a count from 1 to threshold − 1 is null (suppressed = true), and change is null whenever either week is suppressed; ranks and the red and black lists are computed over published counts only (a village whose newTransfers is suppressed has no rank and is on neither list). Department staff see exact counts.',
})
export class VillageRankingRow {
  @Field(() => String, { description: '村代码 (12 digits)' })
  villageCode: string;

  @Field(() => String, { description: '村名' })
  villageName: string;

  @Field(() => String, { nullable: true, description: '所属乡镇' })
  townshipName: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '本周新增转移就业: distinct workers of the village whose transfer started within the week (partner organised transfers and hr transfer employments; a worker recorded by both counts once). null: suppressed.',
  })
  newTransfers: number | null;

  @Field(() => Int, { nullable: true, description: '上期新增转移就业 (same definition, the span before: previous week, month, quarter or year). null: suppressed.' })
  previousWeek: number | null;

  @Field(() => Int, { nullable: true, description: '环比变化 = newTransfers − previousWeek. null when either is suppressed.' })
  change: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '名次: standard competition ranking by newTransfers (basis COUNT) or completionRate (basis COMPLETION_RATE), highest first ("1224": villages with equal figures share a rank and the next rank skips), over the published figures. Every village with 0 shares the last rank. null: not ranked — newTransfers suppressed (dashboards, basis COUNT), or no completionRate (basis COMPLETION_RATE).',
  })
  rank: number | null;

  @Field(() => Boolean, { description: 'true when any count of this row is withheld (dashboards only).' })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: '年度目标 (basis COMPLETION_RATE): the village’s NEW_TRANSFERS target for the year; null when none is set (or basis COUNT).' })
  target: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      '年累计新增转移就业 (basis COMPLETION_RATE): staff — distinct workers whose transfer started from 1 January to weekEnd; dashboards — the year’s published indicator cell (Indicators.newTransfers, same suppression). null: withheld, or basis COUNT.',
  })
  yearToDate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '完成率 = yearToDate ÷ target (basis COMPLETION_RATE); null without a target, with a target of 0, or when yearToDate is withheld.',
  })
  completionRate: number | null;
}

@ObjectType({ description: '每周五村级新增转移就业排名（红黑榜）— the weekly village ranking of a county.' })
export class VillageRanking {
  @Field(() => RegionType, { description: 'The county ranked.' })
  county: RegionType;

  @Field(() => String, { description: 'The weekday a ranking week ends on (WEEK_ENDS_ON; FRIDAY: Saturday–Friday).' })
  weekEndsOn: string;

  @Field(() => String, {
    nullable: true,
    description: "The period asked for (villageRanking(period)): '2026-W49', '2026-12', '2026-Q4' or '2026'; null when the ranking is of the week holding a day.",
  })
  period: string | null;

  @Field(() => String, { nullable: true, description: 'The period’s name (2026年12月); null without a period.' })
  periodLabel: string | null;

  @Field(() => LocalDateScalar, { description: 'First day of the span ranked (included): the ranking week, or the month, quarter or year asked for.' })
  weekStart: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the span ranked (included): a transfer starting on it belongs to this span, one starting the day after to the next.' })
  weekEnd: string;

  @Field(() => LocalDateScalar, { description: 'First day of the span before (previousWeek counts): the week before, or the month, quarter or year before.' })
  previousWeekStart: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the span before.' })
  previousWeekEnd: string;

  @Field(() => Int, { nullable: true, description: 'The suppression threshold applied, or null when counts are exact (department staff).' })
  threshold: number | null;

  @Field(() => RankingBasis, {
    description:
      'What villages are ranked by (rank, red, black, all): COUNT or COMPLETION_RATE (a village without a rate is not ranked, is on neither list and comes last by code).',
  })
  basis: RankingBasis;

  @Field(() => String, { nullable: true, description: 'The target period ranked against (basis COMPLETION_RATE): the year.' })
  targetPeriod: string | null;

  @Field(() => [VillageRankingRow], {
    description:
      '红榜: the 10 villages with the most new transfers (ties by village code), only villages with at least one (dashboards: published counts only); empty in a week without any transfer. May hold fewer than 10.',
  })
  red: VillageRankingRow[];

  @Field(() => [VillageRankingRow], {
    description:
      '黑榜: the 10 villages with the fewest new transfers (newTransfers ascending, then village code), zeros included (dashboards: published counts only): in an empty week the first 10 villages by code. In a county of fewer than 20 villages a village can be on both lists.',
  })
  black: VillageRankingRow[];

  @Field(() => [VillageRankingRow], {
    description:
      'Every village of the county (division, level VILLAGE), 0 when nothing happened, ordered by newTransfers descending then village code; for dashboards the villages whose newTransfers is suppressed come last, by village code.',
  })
  all: VillageRankingRow[];

  @Field(() => Freshness)
  freshness: Freshness;
}
