import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { PERIOD_FORMATS } from '../indicator/period';
import { resolveRegion } from '../region/region.service';
import { verificationCoverage } from './coverage.service';
import { VerificationCoverage } from './coverage.types';

@Resolver()
export class VerificationCoverageResolver {
  @Query(() => VerificationCoverage, {
    description:
      '月度核实覆盖率: per village of a region (default your region), the registry workers and how many of them were verified in a month (or another period), worst village first.',
  })
  async verificationCoverage(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('month', () => String, { nullable: true, description: "The month, 'YYYY-MM'; default the current month (China time). Not with period." }) month: string | null,
    @Arg('period', () => String, {
      nullable: true,
      description: `Instead of month, any period (${PERIOD_FORMATS}): workers verified at least once within it, over the registry on its last day (today while it runs). Not with month.`,
    })
    period: string | null,
    @Ctx() context: SituationContext,
  ): Promise<VerificationCoverage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const sql = context.loaders.sql;
    const [coverage, freshness] = await Promise.all([
      verificationCoverage(sql, place, month, { suppress: context.identity.department === 'dashboard', threshold: context.config.suppressionThreshold, period }),
      readFreshness(sql),
    ]);
    return { ...coverage, freshness };
  }
}
