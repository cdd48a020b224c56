import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { LocalDateScalar, todayInChina } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { rankedCounty, villageRanking } from './ranking.service';
import { RankingBasis, VillageRanking } from './ranking.types';
import { rankingWeek } from './week';
import { rankingCompletion } from '../target/ranking-completion';

@Resolver()
export class VillageRankingResolver {
  @Query(() => VillageRanking, {
    description:
      '每周五村级新增转移就业排名（红黑榜）: every village of a county ranked by the workers whose transfer started in the week, with the previous week for comparison. Dashboards see small counts suppressed; department staff see exact counts.',
  })
  async villageRanking(
    @Arg('county', () => String, { nullable: true, description: 'County code (6 digits); default your region when it is a county.' }) county: string | null,
    @Arg('week', () => LocalDateScalar, { nullable: true, description: 'Any day inside the wanted week; default today (China time).' }) week: string | null,
    @Arg('basis', () => RankingBasis, {
      defaultValue: 'COUNT',
      description: 'COUNT (default: the week’s new transfers) or COMPLETION_RATE (the year’s target completion; dashboards: current week only).',
    })
    basis: RankingBasis,
    @Ctx() context: SituationContext,
  ): Promise<VillageRanking> {
    const place = await rankedCounty(context.loaders, context.access, context.identity.region, county);
    const sql = context.loaders.sql;
    const dashboard = context.identity.department === 'dashboard';
    const byRate =
      basis === 'COMPLETION_RATE'
        ? await rankingCompletion(sql, place, rankingWeek(week ?? todayInChina(), context.config.weekEndsOn), dashboard ? context.config.suppressionThreshold : null)
        : undefined;
    const [ranking, freshness] = await Promise.all([
      villageRanking(sql, place, week ?? todayInChina(), {
        weekEndsOn: context.config.weekEndsOn,
        suppress: dashboard,
        threshold: context.config.suppressionThreshold,
        byRate,
      }),
      readFreshness(sql),
    ]);
    return { ...ranking, freshness };
  }
}
