import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, suppressionThresholdFromEnv } from '@jiuye/common';
import { requireCityRecords, scopeCity, visibleTransferPage } from '../access';
import type { PartnerContext } from '../context';
import { CityPostingsArgs, PartnerJobPostingPage } from '../job-posting/job-posting.resolver';
import { LabourBase } from '../labour-base/labour-base.entity';
import { TransferBatch } from '../transfer-batch/transfer-batch.entity';
import { CityTransfersArgs, TransferPage } from '../transfer/transfer.resolver';
import { PartnerCity, Retention } from './partner-city.entity';
import { dashboardRetention, PartnerCityService, retentionFigures } from './partner-city.service';

const dashboardFigures = new WeakMap<PartnerContext, Promise<Map<string, Retention>>>();

@Resolver(() => PartnerCity)
export class PartnerCityResolver {
  @Query(() => [PartnerCity], { description: '东西部协作/对口帮扶城市, by code (partner-city staff: their own city).' })
  partnerCities(@Ctx() context: PartnerContext) {
    return new PartnerCityService(context.em).list(scopeCity(context, null));
  }

  @Query(() => PartnerCity, { nullable: true })
  partnerCity(@Arg('code', () => DivisionCodeScalar, { description: '4-digit city code.' }) code: string, @Ctx() context: PartnerContext) {
    return new PartnerCityService(context.em).get(scopeCity(context, code, 'code')!);
  }

  @FieldResolver(() => [LabourBase], { description: '劳务输出基地/劳务工作站 in the city that are not closed.' })
  bases(@Root() city: PartnerCity, @Ctx() context: PartnerContext) {
    return context.loaders.basesByCity.load(scopeCity(context, city.code, 'PartnerCity.bases')!);
  }

  @FieldResolver(() => PartnerJobPostingPage, { description: '岗位推送 of the city, by id.' })
  postings(@Root() city: PartnerCity, @Args(() => CityPostingsArgs) args: CityPostingsArgs, @Ctx() context: PartnerContext) {
    return context.loaders.postingsOfCity(args).load(scopeCity(context, city.code, 'PartnerCity.postings')!);
  }

  @FieldResolver(() => [TransferBatch], { description: '组织输出批次 to the city, latest departure first.' })
  batches(@Root() city: PartnerCity, @Ctx() context: PartnerContext) {
    return context.loaders.batchesByCity.load(scopeCity(context, city.code, 'PartnerCity.batches')!);
  }

  @FieldResolver(() => TransferPage, { description: '转移就业 to the city, by id (region staff: the workers of their region on each page).' })
  async transfers(@Root() city: PartnerCity, @Args(() => CityTransfersArgs) args: CityTransfersArgs, @Ctx() context: PartnerContext) {
    requireCityRecords(context, city.code, 'PartnerCity.transfers');
    return visibleTransferPage(context, await context.loaders.transfersOfCity(args).load(city.code));
  }

  @FieldResolver(() => Retention, { description: '稳岗情况 of the workers transferred to the city (one aggregate query).' })
  async retention(@Root() city: PartnerCity, @Ctx() context: PartnerContext) {
    if (context.identity.department === 'dashboard') {
      // Every city of this request from one computation: the dashboard's region, suppressed.
      let pending = dashboardFigures.get(context);
      if (!pending) {
        pending = dashboardRetention(context.em, context.access.scopeAggregate(null), (ids) => context.access.residentsOf(ids), suppressionThresholdFromEnv());
        dashboardFigures.set(context, pending);
      }
      return (await pending).get(city.code) ?? retentionFigures(0, 0, 0);
    }
    return (await context.loaders.retentionByCity.load(scopeCity(context, city.code, 'PartnerCity.retention')!))!.retention;
  }
}
