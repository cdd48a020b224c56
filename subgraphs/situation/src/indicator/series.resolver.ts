import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { DEFAULT_SERIES_POINTS, indicatorSeriesPoints, MAX_SERIES_POINTS } from './series.service';
import { IndicatorSeries, SeriesGranularity } from './series.types';

@Resolver()
export class IndicatorSeriesResolver {
  @Query(() => IndicatorSeries, {
    description:
      '指标走势: the headline figures of a region (default your region) over consecutive periods, in one request: flows per period (exactly as indicators answers each period) and stocks at each period’s end where the history reaches (null before historyBeginsOn). Suppressed for every caller.',
  })
  async indicatorSeries(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('granularity', () => SeriesGranularity) granularity: SeriesGranularity,
    @Arg('count', () => Int, { defaultValue: DEFAULT_SERIES_POINTS, description: `How many periods (1–${MAX_SERIES_POINTS}).` }) count: number,
    @Arg('endingWith', () => String, {
      nullable: true,
      description: "The last period, as indicators takes it ('2026-11', '2026-W47' …) and of the granularity; default the running one.",
    })
    endingWith: string | null,
    @Ctx() context: SituationContext,
  ): Promise<IndicatorSeries> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const sql = context.loaders.sql;
    const [{ points, historyBeginsOn }, freshness] = await Promise.all([
      indicatorSeriesPoints(sql, place, granularity, count, endingWith, context.config.suppressionThreshold),
      readFreshness(sql),
    ]);
    return { region: place, granularity, threshold: context.config.suppressionThreshold, historyBeginsOn, points, freshness };
  }
}
