import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness';
import { resolveRegion } from '../region/region';
import { todayInChina } from '@jiuye/common';
import type { Sql } from '../db';
import type { Region } from '../region/region';
import { indicatorTables, type IndicatorReadout } from './indicator.service';
import { Indicators } from './indicator.types';
import { PERIOD_FORMATS } from './period';


/**
 * Indicator requests of one period in flight share one computation: the whole registry's
 * suppressed tables depend on the period, the threshold and the day only (suppressed alike for
 * every caller and every region), so many screens of one dashboard refreshing together — or one
 * request naming many regions — cost what one does. Nothing is kept once the computation
 * settles, so no answer is staler than its own request.
 */
const inFlight = new Map<string, Promise<IndicatorReadout>>();

export async function sharedIndicators(sql: Sql, region: Region, period: string, threshold: number) {
  const key = `${period.trim()}|${threshold}|${todayInChina()}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = indicatorTables(sql, period, threshold).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return (await pending)(region);
}

@Resolver()
export class IndicatorResolver {
  @Query(() => Indicators, {
    description:
      '就业帮扶指标: the figures officials report for a region (default your region) and a period. Stock figures are taken on the period’s last day or today while it runs (labour force, employment and places are the current state); flows count what happened within the period. Small counts are suppressed for every caller.',
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
