import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { PageArgs } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { SituationPerson } from '../person/situation-person.type';
import { resolveRegion } from '../region/region';
import { ROSTERS, RosterKind, RosterKindVocabulary, type RosterKind as RosterKindValue } from './roster-kinds';
import { rosterPage } from './roster.service';
import { RosterPage } from './roster.types';

@Resolver()
export class RosterResolver {
  @Query(() => RosterPage, {
    description:
      '一库六册 and 五类清单: who is on a roster or list in a village, township or county (default: your whole region), with the facts that put them there. Ordered by village, paginated; exports: GET /exports/roster.xlsx|csv?kind=…&region=…',
  })
  async roster(
    @Arg('kind', () => RosterKind) kind: RosterKindValue,
    @Arg('region', () => String, { nullable: true, description: 'Division code (county 6, township 9, village 12 digits); default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<RosterPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([rosterPage(context.loaders.sql, { kind, region: place, first, after }), readFreshness(context.loaders.sql)]);
    return {
      kind,
      label: RosterKindVocabulary.labels[kind],
      definition: ROSTERS[kind].definition,
      region: place,
      nodes: page.nodes.map((row) => new SituationPerson(row)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      freshness,
    };
  }
}
