import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { LocalDateScalar, todayInChina } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { rankedCounty, villageRanking } from './ranking.service';
import { VillageRanking } from './ranking.types';

@Resolver()
export class VillageRankingResolver {
  @Query(() => VillageRanking, {
    description:
      '每周五村级新增转移就业排名（红黑榜）: every village of a county ranked by the workers whose transfer started in the week, with the previous week for comparison. Dashboards see small counts suppressed; department staff see exact counts.',
  })
  async villageRanking(
    @Arg('county', () => String, { nullable: true, description: 'County code (6 digits); default your region when it is a county.' }) county: string | null,
    @Arg('week', () => LocalDateScalar, { nullable: true, description: 'Any day inside the wanted week; default today (China time).' }) week: string | null,
    @Ctx() context: SituationContext,
  ): Promise<VillageRanking> {
    const place = await rankedCounty(context.loaders, context.access, context.identity.region, county);
    const sql = context.loaders.sql;
    const [ranking, freshness] = await Promise.all([
      villageRanking(sql, place, week ?? todayInChina(), {
        weekEndsOn: context.config.weekEndsOn,
        suppress: context.identity.department === 'dashboard',
        threshold: context.config.suppressionThreshold,
      }),
      readFreshness(sql),
    ]);
    return { ...ranking, freshness };
  }
}
