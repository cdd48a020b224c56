import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, forbidden, LocalDateScalar, todayInChina } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness';
import { resolveRegion, type Region } from '../region/region';
import { villageRanking } from './ranking.service';
import { VillageRanking } from './ranking.types';

/** The county to rank: named (6 digits) or the caller's own county region; inside the caller's region. */
async function rankedCounty(context: SituationContext, county: string | null): Promise<Region> {
  let requested = county;
  if (requested == null || requested === '') {
    const own = context.identity.region;
    if (!own || own.length !== 6) throw badInput('county', 'your account does not cover exactly one county: name the county (6-digit code)', 'COUNTY_REQUIRED');
    requested = own;
  } else if (!/^\d{6}$/.test(requested)) {
    throw badInput('county', 'expected a county code of 6 digits', 'DIVISION_CODE');
  }
  const region = await resolveRegion(context.loaders, context.access, requested, 'aggregate', 'county');
  // A township or village account is narrowed to its own place: the county ranking is wider than it.
  if (region.code.length !== 6) throw forbidden(`county: the ranking of county ${requested} covers more than your region ${region.code}`, 'outside-region');
  return region;
}

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
    const place = await rankedCounty(context, county);
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
