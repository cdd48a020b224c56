import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { keptIndicatorTables } from './kept';
import type { Freshness } from '../freshness/freshness.types';
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
    const maxStaleMs = (context.config.indicatorsMaxStaleSeconds ?? 0) * 1000;
    const [kept, now] = await Promise.all([keptIndicatorTables(sql, period, context.config.suppressionThreshold, maxStaleMs), readFreshness(sql)]);
    // Tables read before a change not yet in them (INDICATORS_MAX_STALE_SECONDS) answer with their own freshness.
    return { region: place, ...kept.readout(place), freshness: kept.stale ? aged(kept.stale) : now };
  }
}

/** A freshness read earlier, its lags counted to now. */
function aged(freshness: Freshness): Freshness {
  const lag = (asOf: Date | null) => (asOf ? Math.max(0, (Date.now() - asOf.getTime()) / 1000) : null);
  return { ...freshness, lagSeconds: lag(freshness.asOf), departments: freshness.departments.map((d) => ({ ...d, lagSeconds: lag(d.asOf) })) };
}
