import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { forbidden, PageArgs, PageType } from '@jiuye/common';
import { authorizeReferenceWrite, cadreRegion } from '../access';
import type { PovertyContext } from '../context';
import { Household } from '../household/household.type';
import { Cadre, CadrePosting, ResponsibleUnit } from './cadre.entity';
import { CreateCadreInput, EndCadrePostingInput, PostCadreInput, UpdateCadreInput } from './cadre.inputs';
import { CadreService } from './cadre.service';

@ObjectType()
export class CadrePage extends PageType(Cadre) {}

@ArgsType()
class CadresArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the cadres of this 挂包责任单位.' })
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the cadres who serve (or served) this village of your region.' })
  villageCode?: string | null;
}

const WHAT = 'cadres and their postings';

/** A cadre's account decides who receives tasks: set or cleared by poverty officers (科员) only, not village assistants. */
function requireAccountWriter(context: PovertyContext, input: { account?: string | null; clearAccount?: boolean | null }): void {
  // account: null clears it (update inputs: an explicit null clears an optional field), so it counts as a write too.
  if ((input.account !== undefined || input.clearAccount) && context.access.identity.role !== 'officer')
    throw forbidden("input.account: a cadre's account is set by poverty officers (科员) of the region", 'not-an-officer');
}

@Resolver(() => Cadre)
export class CadreResolver {
  @Query(() => CadrePage, { description: '帮扶干部 serving (or who served) a village of your region, by id (region staff only).' })
  cadres(@Args(() => CadresArgs) args: CadresArgs, @Ctx() context: PovertyContext) {
    return new CadreService(context.em).list({ ...args, region: cadreRegion(context) });
  }

  @Query(() => Cadre, { nullable: true, description: 'One cadre of your region; any other reads as none.' })
  cadre(@Arg('id', () => ID) id: string, @Ctx() context: PovertyContext) {
    return new CadreService(context.em).get(id, cadreRegion(context));
  }

  @Mutation(() => Cadre, { description: '选派 — a new cadre and the first village they serve (poverty officers, a village of their region).' })
  createCadre(@Arg('input', () => CreateCadreInput) input: CreateCadreInput, @Ctx() context: PovertyContext) {
    const region = authorizeReferenceWrite(context, WHAT);
    requireAccountWriter(context, input);
    return new CadreService(context.em).create(input, region);
  }

  @Mutation(() => Cadre, { description: 'Change a cadre of your region (name, unit, role, phone, account).' })
  updateCadre(@Arg('input', () => UpdateCadreInput) input: UpdateCadreInput, @Ctx() context: PovertyContext) {
    const region = authorizeReferenceWrite(context, WHAT);
    requireAccountWriter(context, input);
    return new CadreService(context.em).update(input, region);
  }

  @Mutation(() => CadrePosting, { description: 'A further village a cadre of your region serves.' })
  postCadre(@Arg('input', () => PostCadreInput) input: PostCadreInput, @Ctx() context: PovertyContext) {
    return new CadreService(context.em).post(input, authorizeReferenceWrite(context, WHAT));
  }

  @Mutation(() => CadrePosting, { description: '结束驻村/帮扶 — end a posting (never deleted); refused while the cadre answers for households of the village.' })
  endCadrePosting(@Arg('input', () => EndCadrePostingInput) input: EndCadrePostingInput, @Ctx() context: PovertyContext) {
    return new CadreService(context.em).endPosting(input, authorizeReferenceWrite(context, WHAT));
  }

  @FieldResolver(() => ResponsibleUnit, { nullable: true, description: '挂包责任单位' })
  unit(@Root() cadre: Cadre, @Ctx() { loaders }: PovertyContext) {
    return loaders.unitById.load(cadre.unitId);
  }

  @FieldResolver(() => [CadrePosting], { description: 'The villages the cadre serves and served, in your region, latest first.' })
  async postings(@Root() cadre: Cadre, @Ctx() context: PovertyContext) {
    const region = cadreRegion(context, 'Cadre.postings');
    return (await context.loaders.postingsByCadre.load(cadre.id)).filter((p) => p.villageCode.startsWith(region));
  }

  @FieldResolver(() => [Household], { description: 'Registered households this cadre is responsible for now.' })
  async households(@Root() cadre: Cadre, @Ctx() { loaders, access }: PovertyContext): Promise<Household[]> {
    // A cadre is staff, but the households they help are people: only those in the caller's scope.
    access.requirePersonAccess();
    const households = (await loaders.openResponsibilitiesByCadre.load(cadre.id)).map((r) => ({ code: r.householdCode }));
    return access.filterVisible(households, (household) => ({ place: household.code }));
  }
}

@Resolver(() => CadrePosting)
export class CadrePostingResolver {
  @FieldResolver(() => Cadre, { nullable: true })
  cadre(@Root() posting: CadrePosting, @Ctx() { loaders }: PovertyContext) {
    return loaders.cadreById.load(posting.cadreId);
  }
}
