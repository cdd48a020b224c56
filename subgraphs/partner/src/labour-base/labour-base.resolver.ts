import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';
import { scopeCity } from '../access';
import type { PartnerContext } from '../context';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { LabourBase } from './labour-base.entity';
import { LabourBaseService } from './labour-base.service';

@Resolver(() => LabourBase)
export class LabourBaseResolver {
  @Query(() => [LabourBase], { description: '劳务输出基地/劳务工作站, of one partner city or of all.' })
  labourBases(
    @Arg('cityCode', () => DivisionCodeScalar, { nullable: true, description: '4-digit code of a partner city (partner-city staff: their own, the default).' })
    cityCode: string | null,
    @Ctx() context: PartnerContext,
  ) {
    return new LabourBaseService(context.em).list(scopeCity(context, cityCode));
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() base: LabourBase, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(base.cityCode);
  }
}
