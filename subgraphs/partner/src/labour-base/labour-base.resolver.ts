import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';
import { authorizeBaseWrite, scopeCity } from '../access';
import type { PartnerContext } from '../context';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { LabourBase } from './labour-base.entity';
import { CloseLabourBaseInput, CreateLabourBaseInput, UpdateLabourBaseInput } from './labour-base.inputs';
import { LabourBaseService } from './labour-base.service';

const WHAT = 'labour bases and service stations';

@Resolver(() => LabourBase)
export class LabourBaseResolver {
  @Query(() => [LabourBase], { description: '劳务输出基地/劳务工作站, of one partner city or of all (tens per city: not paged).' })
  labourBases(
    @Arg('cityCode', () => DivisionCodeScalar, { nullable: true, description: '4-digit code of a partner city (partner-city staff: their own, the default).' })
    cityCode: string | null,
    @Arg('includeClosed', () => Boolean, { defaultValue: false, description: 'Closed bases too (closedOn set).' }) includeClosed: boolean,
    @Ctx() context: PartnerContext,
  ) {
    return new LabourBaseService(context.em).list(scopeCity(context, cityCode), includeClosed);
  }

  @Query(() => LabourBase, { nullable: true, description: 'One base or station by id (partner-city staff: of their own city; another city’s reads as none).' })
  labourBase(@Arg('id', () => ID) id: string, @Ctx() context: PartnerContext) {
    return new LabourBaseService(context.em).get(id, scopeCity(context, null));
  }

  @Mutation(() => LabourBase, { description: '设立劳务输出基地/劳务工作站 — partner staff; partner-city staff for their own city.' })
  createLabourBase(@Arg('input', () => CreateLabourBaseInput) input: CreateLabourBaseInput, @Ctx() context: PartnerContext) {
    const { city } = authorizeBaseWrite(context, input.cityCode, WHAT);
    return new LabourBaseService(context.em).create(input, city);
  }

  @Mutation(() => LabourBase, { description: 'Change the name, kind or address of an open base or station.' })
  updateLabourBase(@Arg('input', () => UpdateLabourBaseInput) input: UpdateLabourBaseInput, @Ctx() context: PartnerContext) {
    const { inScope } = authorizeBaseWrite(context, null, WHAT);
    return new LabourBaseService(context.em).update(input, inScope);
  }

  @Mutation(() => LabourBase, { description: '撤销 — close a base or station; its batches and postings keep pointing at it, new ones cannot.' })
  closeLabourBase(@Arg('input', () => CloseLabourBaseInput) input: CloseLabourBaseInput, @Ctx() context: PartnerContext) {
    const { inScope } = authorizeBaseWrite(context, null, WHAT);
    return new LabourBaseService(context.em).close(input, inScope);
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() base: LabourBase, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(base.cityCode);
  }
}
