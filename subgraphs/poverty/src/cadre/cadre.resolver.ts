import { Args, ArgsType, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, PageType } from '@jiuye/common';
import type { PovertyContext } from '../context';
import { Household } from '../household/household.type';
import { Cadre, ResponsibleUnit } from './cadre.entity';
import { CadreService } from './cadre.service';

@ObjectType()
export class CadrePage extends PageType(Cadre) {}

@ArgsType()
class CadresArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the cadres of this 挂包责任单位.' })
  unitId?: string | null;
}

@Resolver(() => Cadre)
export class CadreResolver {
  @Query(() => CadrePage, { description: '帮扶责任人, by id.' })
  cadres(@Args(() => CadresArgs) args: CadresArgs, @Ctx() { em }: PovertyContext) {
    return new CadreService(em).list(args);
  }

  @FieldResolver(() => ResponsibleUnit, { nullable: true, description: '挂包责任单位' })
  unit(@Root() cadre: Cadre, @Ctx() { loaders }: PovertyContext) {
    return loaders.unitById.load(cadre.unitId);
  }

  @FieldResolver(() => [Household], { description: 'Registered households this cadre is responsible for now.' })
  async households(@Root() cadre: Cadre, @Ctx() { loaders, access }: PovertyContext): Promise<Household[]> {
    // A cadre is staff, but the households they help are people: only those in the caller's scope.
    access.requirePersonAccess();
    const households = (await loaders.openResponsibilitiesByCadre.load(cadre.id)).map((r) => ({ code: r.householdCode }));
    return access.filterVisible(households, (household) => ({ place: household.code }));
  }
}
