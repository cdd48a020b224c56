import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, LocalDateScalar, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import { sharedIndicatorTables } from '../indicator/kept';
import { PERIOD_FORMATS } from '../indicator/period';
import { figuresOf } from '../target/figures';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { rankedCounty, villageRanking, type PublishedCounts } from './ranking.service';
import { RankingBasis, VillageRanking } from './ranking.types';
import { rankingSpan, rankingWeek, type RankingSpan, type RankingWeek } from './week';
import { rankingCompletion } from '../target/ranking-completion';

@Resolver()
export class VillageRankingResolver {
  @Query(() => VillageRanking, {
    description:
      '每周五村级新增转移就业排名（红黑榜）: every village of a county ranked by the workers whose transfer started in the week (or in a period asked for), with the week (period) before for comparison. Dashboards see small counts suppressed; department staff see exact counts.',
  })
  async villageRanking(
    @Arg('county', () => String, { nullable: true, description: 'County code (6 digits); default your region when it is a county.' }) county: string | null,
    @Arg('week', () => LocalDateScalar, { nullable: true, description: 'Any day inside the wanted week; default today (China time). Not with period.' }) week: string | null,
    @Arg('basis', () => RankingBasis, {
      defaultValue: 'COUNT',
      description: 'COUNT (default: the span’s new transfers) or COMPLETION_RATE (the year’s target completion; dashboards: current week only).',
    })
    basis: RankingBasis,
    @Arg('period', () => String, {
      nullable: true,
      description: `A period instead of a week (${PERIOD_FORMATS}): an ISO week ranks the ranking week that ends within it (WEEK_ENDS_ON; with FRIDAY, the 红黑榜 published that week), against the week before; a month, quarter or year ranks the new transfers of the period against the period before — for dashboards the indicators' published cells of those periods (Indicators.newTransfers per village, same suppression). Not with week.`,
    })
    period: string | null,
    @Ctx() context: SituationContext,
  ): Promise<VillageRanking> {
    if (week != null && period != null) throw badInput('period', 'give either week (a day) or period, not both', 'WEEK_OR_PERIOD');
    const place = await rankedCounty(context.loaders, context.access, context.identity.region, county);
    const sql = context.loaders.sql;
    const dashboard = context.identity.department === 'dashboard';
    const threshold = context.config.suppressionThreshold;
    const span: RankingWeek & Partial<RankingSpan> =
      period != null ? rankingSpan(period, context.config.weekEndsOn) : rankingWeek(week ?? todayInChina(), context.config.weekEndsOn);
    const byRate = basis === 'COMPLETION_RATE' ? await rankingCompletion(sql, place, span, dashboard ? threshold : null) : undefined;
    const [published, freshness] = await Promise.all([
      dashboard && !byRate && span.indicatorPeriods ? publishedNewTransfers(sql, span.indicatorPeriods, threshold) : undefined,
      readFreshness(sql),
    ]);
    const ranking = await villageRanking(sql, place, span, { weekEndsOn: context.config.weekEndsOn, suppress: dashboard, threshold, byRate, published });
    return { ...ranking, freshness };
  }
}

/** The indicators' published newTransfers per village of a period and the period before (dashboards' counts for a month, quarter or year). */
async function publishedNewTransfers(sql: Sql, periods: { current: string; previous: string }, threshold: number): Promise<PublishedCounts> {
  const [current, previous] = await Promise.all([sharedIndicatorTables(sql, periods.current, threshold), sharedIndicatorTables(sql, periods.previous, threshold)]);
  return {
    current: (village) => figuresOf(current, village).newTransfers.value,
    previous: (village) => figuresOf(previous, village).newTransfers.value,
  };
}
