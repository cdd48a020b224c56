import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { childRegions, resolveRegion } from '../region/region.service';
import type { Region } from '../region/region.types';
import { IndicatorBreakdown } from './breakdown.types';
import { sharedIndicatorTables } from './kept';
import { PERIOD_FORMATS } from './period';

@Resolver()
export class IndicatorBreakdownResolver {
  @Query(() => IndicatorBreakdown, {
    description:
      '指标分解: the indicators of a region (default your region) and of each of its child divisions, for one period, in one request. Same figures, rules and suppression as `indicators` (for every caller); the SQL is the same few grouped statements over the whole registry whatever the number of children.',
  })
  async indicatorBreakdown(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('period', () => String, { description: `The period: ${PERIOD_FORMATS}.` }) period: string,
    @Ctx() context: SituationContext,
  ): Promise<IndicatorBreakdown> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const sql = context.loaders.sql;
    const [readout, children, freshness] = await Promise.all([
      sharedIndicatorTables(sql, period, context.config.suppressionThreshold),
      childRegions(sql, place),
      readFreshness(sql),
    ]);
    const indicators = (r: Region) => ({ region: r, ...readout(r), freshness });
    const parent = indicators(place);
    return { region: place, period: parent.period, threshold: parent.threshold, parent, children: children.map(indicators), freshness };
  }
}
