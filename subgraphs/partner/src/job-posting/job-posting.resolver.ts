import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, PageArgs, PageType } from '@jiuye/common';
import { scopeCity } from '../access';
import type { PartnerContext } from '../context';
import { LabourBase } from '../labour-base/labour-base.entity';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { PartnerJobPosting } from './job-posting.entity';
import { JobPostingService } from './job-posting.service';

@ObjectType()
export class PartnerJobPostingPage extends PageType(PartnerJobPosting) {}

@ArgsType()
export class CityPostingsArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Only postings open on this day (pushedOn ≤ day ≤ validUntil).' })
  validOn?: string | null;
}

@ArgsType()
class PartnerJobPostingsArgs extends CityPostingsArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: '4-digit code of one partner city; all cities when empty (partner-city staff: their own).' })
  cityCode?: string | null;
}

@Resolver(() => PartnerJobPosting)
export class JobPostingResolver {
  @Query(() => PartnerJobPostingPage, { description: '岗位推送 — jobs the partner cities pushed to the county.' })
  partnerJobPostings(@Args(() => PartnerJobPostingsArgs) args: PartnerJobPostingsArgs, @Ctx() context: PartnerContext) {
    return new JobPostingService(context.em).list({ ...args, cityCode: scopeCity(context, args.cityCode) });
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() posting: PartnerJobPosting, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(posting.cityCode);
  }

  @FieldResolver(() => LabourBase, { nullable: true, description: 'The base or station that pushed it, if any.' })
  base(@Root() posting: PartnerJobPosting, @Ctx() { loaders }: PartnerContext) {
    return posting.baseId === null ? null : loaders.baseById.load(posting.baseId);
  }
}
