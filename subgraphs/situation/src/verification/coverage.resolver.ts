import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { verificationCoverage } from './coverage.service';
import { VerificationCoverage } from './coverage.types';

@Resolver()
export class VerificationCoverageResolver {
  @Query(() => VerificationCoverage, {
    description: '月度核实覆盖率: per village of a region (default your region), the registry workers and how many of them were verified in a month, worst village first.',
  })
  async verificationCoverage(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('month', () => String, { nullable: true, description: "The month, 'YYYY-MM'; default the current month (China time)." }) month: string | null,
    @Ctx() context: SituationContext,
  ): Promise<VerificationCoverage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const sql = context.loaders.sql;
    const [coverage, freshness] = await Promise.all([
      verificationCoverage(sql, place, month, { suppress: context.identity.department === 'dashboard', threshold: context.config.suppressionThreshold }),
      readFreshness(sql),
    ]);
    return { ...coverage, freshness };
  }
}
