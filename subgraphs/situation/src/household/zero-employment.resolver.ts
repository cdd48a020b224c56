import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, PageArgs } from '@jiuye/common';
import { resolveAsOf } from '../history/as-of';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { SituationPerson } from '../person/situation-person.types';
import { resolveRegion } from '../region/region.service';
import { zeroEmploymentPage } from './zero-employment.service';
import { ZeroEmploymentHousehold, ZeroEmploymentPage } from './zero-employment.types';

@Resolver(() => ZeroEmploymentHousehold)
export class ZeroEmploymentResolver {
  @Query(() => ZeroEmploymentPage, {
    description:
      '零就业家庭: households with an able labourer and nobody employed, with who answers for each and what was last done. asOf answers as of the end of a past day. Exports: GET /exports/zero-employment.xlsx|csv?region=…[&asOf=YYYY-MM-DD]',
  })
  async zeroEmploymentHouseholds(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description: 'As of the end of this day (China time), answered from the history of the read model; from the day history begins to today. Default: now.',
    })
    asOf: string | null,
    @Ctx() context: SituationContext,
  ): Promise<ZeroEmploymentPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const when = await resolveAsOf(context.loaders.sql, asOf);
    const [page, freshness] = await Promise.all([zeroEmploymentPage(context.loaders.sql, place, first, after, when), readFreshness(context.loaders.sql)]);
    return {
      region: place,
      nodes: page.nodes.map((row) => new ZeroEmploymentHousehold(row, when)),
      totalCount: page.totalCount,
      asOf: when?.day ?? null,
      pageInfo: page.pageInfo,
      freshness,
    };
  }

  @FieldResolver(() => [SituationPerson], { description: 'The registry members (batched per request).' })
  async members(@Root() household: ZeroEmploymentHousehold, @Ctx() context: SituationContext): Promise<SituationPerson[]> {
    const loader = household.asOf ? context.loaders.householdMembersAsOf(household.asOf) : context.loaders.householdMembers;
    const rows = await loader.load(household.code);
    return rows.map((row) => new SituationPerson(row, household.asOf?.day ?? null));
  }
}
