import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { PageArgs, RELAPSE_RULE_IDS } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { relapseCandidatePage } from './relapse-candidates.service';
import { RelapseCandidate, RelapseCandidatePage } from './relapse-candidates.types';

@Resolver()
export class RelapseCandidateResolver {
  @Query(() => RelapseCandidatePage, {
    description: `防返贫监测候选: registered poor and lifted households of a region flagged today by ${RELAPSE_RULE_IDS.join(', ')} and not under an open monitoring case (department staff of the region).`,
  })
  async relapseCandidates(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<RelapseCandidatePage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([relapseCandidatePage(context.loaders.sql, place, first, after), readFreshness(context.loaders.sql)]);
    return { region: place, nodes: page.nodes.map((row) => new RelapseCandidate(row)), totalCount: page.totalCount, pageInfo: page.pageInfo, freshness };
  }
}
