import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { LocalDateScalar, PageArgs } from '@jiuye/common';
import { resolveAsOf } from '../history/as-of';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { SituationPerson } from '../person/situation-person.types';
import { resolveRegion } from '../region/region.service';
import { ROSTERS, RosterKind, RosterKindVocabulary, type RosterKind as RosterKindValue } from './roster-kinds';
import { rosterPage } from './roster.service';
import { RosterPage } from './roster.types';

@Resolver()
export class RosterResolver {
  @Query(() => RosterPage, {
    description:
      '一库六册 and 五类清单: who is on a roster or list in a village, township or county (default: your whole region), with the facts that put them there. Ordered by village, paginated; asOf answers as of the end of a past day. Exports: GET /exports/roster.xlsx|csv?kind=…&region=…[&asOf=YYYY-MM-DD][&noServiceWithinDays=N]',
  })
  async roster(
    @Arg('kind', () => RosterKind) kind: RosterKindValue,
    @Arg('region', () => String, { nullable: true, description: 'Division code (county 6, township 9, village 12 digits); default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description: 'As of the end of this day (China time), answered from the history of the read model; from the day history begins to today. Default: now.',
    })
    asOf: string | null,
    @Arg('noServiceWithinDays', () => Int, {
      nullable: true,
      description: '一人一案: only people with no service recorded by any department in the last N days (1–1100), counted back from today or the asOf day.',
    })
    noServiceWithinDays: number | null,
    @Ctx() context: SituationContext,
  ): Promise<RosterPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    // The region is the as-of rows' village: last quarter's roster of a village lists who lived there then.
    const when = await resolveAsOf(context.loaders.sql, asOf);
    const [page, freshness] = await Promise.all([
      rosterPage(context.loaders.sql, { kind, region: place, first, after, asOf: when, noServiceWithinDays }),
      readFreshness(context.loaders.sql),
    ]);
    return {
      kind,
      label: RosterKindVocabulary.labels[kind],
      definition: ROSTERS[kind].definition,
      region: place,
      nodes: page.nodes.map((row) => new SituationPerson(row, when?.day ?? null)),
      totalCount: page.totalCount,
      asOf: when?.day ?? null,
      pageInfo: page.pageInfo,
      freshness,
    };
  }
}
