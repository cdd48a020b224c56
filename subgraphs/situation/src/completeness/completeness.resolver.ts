import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { PageArgs, todayInChina } from '@jiuye/common';
import type { SituationContext } from '../context';
import { SituationPerson } from '../person/situation-person.types';
import { resolveRegion } from '../region/region.service';
import { knownPersonByIdNumber, labourRegistryCompleteness, unregisteredLabourerPage } from './completeness.service';
import { KnownPerson, LabourRegistryCompleteness, UnregisteredLabourer, UnregisteredLabourerPage } from './completeness.types';

@Resolver()
export class CompletenessResolver {
  @Query(() => UnregisteredLabourerPage, {
    description:
      '应登尽登: working-age (16–60) members of registered poor and monitored households (poverty) whom hr’s labour registry does not hold, in a village, township or county (default: your whole region). Ordered by village, paginated. The monthly check opens an UNREGISTERED_LABOURER task for each; it closes when hr registers the person.',
  })
  async unregisteredLabourers(
    @Arg('region', () => String, { nullable: true, description: 'Division code (county 6, township 9, village 12 digits); default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<UnregisteredLabourerPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const page = await unregisteredLabourerPage(context.loaders.sql, place, first, after, todayInChina());
    return { region: place, nodes: page.nodes.map((row) => new UnregisteredLabourer(row)), totalCount: page.totalCount, pageInfo: page.pageInfo };
  }

  @Query(() => LabourRegistryCompleteness, {
    description:
      '应登尽登 figures: working-age members of poor and monitored households, how many hr’s registry does not hold, and the share it does. Aggregate; dashboards get small counts suppressed.',
  })
  async labourRegistryCompleteness(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Ctx() context: SituationContext,
  ): Promise<LabourRegistryCompleteness> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    return labourRegistryCompleteness(context.loaders.sql, place, todayInChina(), {
      suppress: context.identity.department === 'dashboard',
      threshold: context.config.suppressionThreshold,
    });
  }

  @Query(() => KnownPerson, {
    description:
      '人员查询: a person by ID number — in hr’s labour registry, or known only to poverty (a member of a registered household) or civil affairs — for department staff of the region where the person lives. A number nobody knows and a person outside your region give the same NOT_FOUND on idNumber. Worker(idNumber) stays the registry’s lookup.',
  })
  async person(@Arg('idNumber', () => String) idNumber: string, @Ctx() context: SituationContext): Promise<KnownPerson> {
    const answer = await knownPersonByIdNumber(context.loaders.sql, context.access, idNumber, context.config.pseudonymKey, todayInChina());
    return new KnownPerson(answer.record, answer.departments, answer.registered ? new SituationPerson(answer.registered) : null, answer.onList);
  }
}
