import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';
import type { PartnerContext } from '../context';
import { CityPostingsArgs, PartnerJobPostingPage } from '../job-posting/job-posting.resolver';
import { LabourBase } from '../labour-base/labour-base.entity';
import { TransferBatch } from '../transfer-batch/transfer-batch.entity';
import { CityTransfersArgs, TransferPage } from '../transfer/transfer.resolver';
import { PartnerCity, Retention } from './partner-city.entity';
import { PartnerCityService } from './partner-city.service';

@Resolver(() => PartnerCity)
export class PartnerCityResolver {
  @Query(() => [PartnerCity], { description: '东西部协作/对口帮扶城市, by code.' })
  partnerCities(@Ctx() { em }: PartnerContext) {
    return new PartnerCityService(em).list();
  }

  @Query(() => PartnerCity, { nullable: true })
  partnerCity(@Arg('code', () => DivisionCodeScalar, { description: '4-digit city code.' }) code: string, @Ctx() { em }: PartnerContext) {
    return new PartnerCityService(em).get(code);
  }

  @FieldResolver(() => [LabourBase], { description: '劳务输出基地/劳务工作站 in the city.' })
  bases(@Root() city: PartnerCity, @Ctx() { loaders }: PartnerContext) {
    return loaders.basesByCity.load(city.code);
  }

  @FieldResolver(() => PartnerJobPostingPage, { description: '岗位推送 of the city, by id.' })
  postings(@Root() city: PartnerCity, @Args(() => CityPostingsArgs) args: CityPostingsArgs, @Ctx() { loaders }: PartnerContext) {
    return loaders.postingsOfCity(args).load(city.code);
  }

  @FieldResolver(() => [TransferBatch], { description: '组织输出批次 to the city, latest departure first.' })
  batches(@Root() city: PartnerCity, @Ctx() { loaders }: PartnerContext) {
    return loaders.batchesByCity.load(city.code);
  }

  @FieldResolver(() => TransferPage, { description: '转移就业 to the city, by id.' })
  transfers(@Root() city: PartnerCity, @Args(() => CityTransfersArgs) args: CityTransfersArgs, @Ctx() { loaders }: PartnerContext) {
    return loaders.transfersOfCity(args).load(city.code);
  }

  @FieldResolver(() => Retention, { description: '稳岗情况 of the workers transferred to the city (one aggregate query).' })
  async retention(@Root() city: PartnerCity, @Ctx() { loaders }: PartnerContext) {
    return (await loaders.retentionByCity.load(city.code))!.retention;
  }
}
