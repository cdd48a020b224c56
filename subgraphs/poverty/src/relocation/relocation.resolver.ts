import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType, primarySuppressed, suppressionThresholdFromEnv } from '@jiuye/common';
import type { PovertyContext } from '../context';
import { Division } from '../division/division.type';
import { RelocationSite } from './relocation.entity';
import { RelocationService } from './relocation.service';

@ObjectType()
export class RelocationSitePage extends PageType(RelocationSite) {}

@ArgsType()
class RelocationSitesArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { description: 'A county or township: the sites in it.' })
  divisionCode: string;
}

@Resolver(() => RelocationSite)
export class RelocationResolver {
  @Query(() => RelocationSitePage, { description: '易地搬迁安置点 in a division.' })
  relocationSites(@Args(() => RelocationSitesArgs) args: RelocationSitesArgs, @Ctx() { em, access }: PovertyContext) {
    // Sites are places with a household count, not people: a region filter as for aggregates.
    return new RelocationService(em).list({ ...args, divisionCode: access.scopeAggregate(args.divisionCode) });
  }

  @FieldResolver(() => Division, { description: 'The division where the site is.' })
  division(@Root() site: RelocationSite): Division {
    return { code: site.divisionCode };
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      '搬迁户数 — registered households relocated to this site; null for dashboards when 1 … SUPPRESSION_THRESHOLD − 1 (small-cell suppression: the sites publish no total a withheld one could be subtracted from).',
  })
  async relocatedHouseholds(@Root() site: RelocationSite, @Ctx() { loaders, identity }: PovertyContext) {
    const households = (await loaders.relocatedHouseholdsBySite.load(site.id))?.households ?? 0;
    return identity.department === 'dashboard' && primarySuppressed(households, suppressionThresholdFromEnv()) ? null : households;
  }
}
