import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { sharedIndicators } from './kept';
import { Indicators } from './indicator.types';
import { PERIOD_FORMATS } from './period';

@Resolver()
export class IndicatorResolver {
  @Query(() => Indicators, {
    description:
      '就业帮扶指标: the figures officials report for a region (default your region) and a period. Stock figures are taken on the period’s last day (from the read model’s history; null before it begins) or today while it runs (stockSource); flows count what happened within the period. Small counts are suppressed for every caller.',
  })
  async indicators(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('period', () => String, { description: `The period: ${PERIOD_FORMATS}.` }) period: string,
    @Ctx() context: SituationContext,
  ): Promise<Indicators> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const sql = context.loaders.sql;
    const [figures, freshness] = await Promise.all([sharedIndicators(sql, place, period, context.config.suppressionThreshold), readFreshness(sql)]);
    return { region: place, ...figures, freshness };
  }
}
