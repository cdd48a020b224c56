import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';
import type { PartnerContext } from '../context';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { LabourBase } from './labour-base.entity';
import { LabourBaseService } from './labour-base.service';

@Resolver(() => LabourBase)
export class LabourBaseResolver {
  @Query(() => [LabourBase], { description: '劳务输出基地/劳务工作站, of one partner city or of all.' })
  labourBases(
    @Arg('cityCode', () => DivisionCodeScalar, { nullable: true, description: '4-digit code of a partner city.' }) cityCode: string | null,
    @Ctx() { em }: PartnerContext,
  ) {
    return new LabourBaseService(em).list(cityCode);
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() base: LabourBase, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(base.cityCode);
  }
}
