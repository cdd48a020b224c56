import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { SituationPerson } from '../person/situation-person.type';
import { resolveRegion } from '../region/region';
import { zeroEmploymentPage } from './zero-employment.service';
import { ZeroEmploymentHousehold, ZeroEmploymentPage } from './zero-employment.types';

@Resolver(() => ZeroEmploymentHousehold)
export class ZeroEmploymentResolver {
  @Query(() => ZeroEmploymentPage, {
    description:
      '零就业家庭: households with an able labourer and nobody employed, with who answers for each and what was last done. Exports: GET /exports/zero-employment.xlsx|csv?region=…',
  })
  async zeroEmploymentHouseholds(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<ZeroEmploymentPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([zeroEmploymentPage(context.loaders.sql, place, first, after), readFreshness(context.loaders.sql)]);
    return {
      region: place,
      nodes: page.nodes.map((row) => new ZeroEmploymentHousehold(row)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      freshness,
    };
  }

  @FieldResolver(() => [SituationPerson], { description: 'The registry members (batched per request).' })
  async members(@Root() household: ZeroEmploymentHousehold, @Ctx() context: SituationContext): Promise<SituationPerson[]> {
    const rows = await context.loaders.householdMembers.load(household.code);
    return rows.map((row) => new SituationPerson(row));
  }
}
