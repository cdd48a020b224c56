import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, PageArgs, PageType } from '@jiuye/common';
import { authorizePostingWrite, scopeCity } from '../access';
import type { PartnerContext } from '../context';
import { LabourBase } from '../labour-base/labour-base.entity';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { PartnerJobPosting } from './job-posting.entity';
import { ClosePartnerJobPostingInput, CreatePartnerJobPostingInput, UpdatePartnerJobPostingInput } from './job-posting.inputs';
import { JobPostingService } from './job-posting.service';

const WHAT = 'pushed job postings (岗位推送)';

@ObjectType()
export class PartnerJobPostingPage extends PageType(PartnerJobPosting) {}

@ArgsType()
export class CityPostingsArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Only postings open on this day (pushedOn ≤ day ≤ validUntil, not closed by then).' })
  validOn?: string | null;
}

@ArgsType()
class PartnerJobPostingsArgs extends CityPostingsArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: '4-digit code of one partner city; all cities when empty (partner-city staff: their own).' })
  cityCode?: string | null;
}

/** A posting reached from another subgraph: as partnerJobPosting(id), another city's reads as none. */
export function resolvePostingReference(reference: { id: string }, context: PartnerContext): Promise<PartnerJobPosting | null> {
  return new JobPostingService(context.em).get(String(reference.id), scopeCity(context, null));
}

@Resolver(() => PartnerJobPosting)
export class JobPostingResolver {
  @Query(() => PartnerJobPostingPage, { description: '岗位推送 — jobs the partner cities pushed to the county.' })
  partnerJobPostings(@Args(() => PartnerJobPostingsArgs) args: PartnerJobPostingsArgs, @Ctx() context: PartnerContext) {
    return new JobPostingService(context.em).list({ ...args, cityCode: scopeCity(context, args.cityCode) });
  }

  @Query(() => PartnerJobPosting, { nullable: true, description: 'One pushed posting by id (partner-city staff: of their own city; another city’s reads as none).' })
  partnerJobPosting(@Arg('id', () => ID) id: string, @Ctx() context: PartnerContext) {
    return new JobPostingService(context.em).get(id, scopeCity(context, null));
  }

  @Mutation(() => PartnerJobPosting, { description: '岗位推送 — partner-city staff push a job of their own city.' })
  createPartnerJobPosting(@Arg('input', () => CreatePartnerJobPostingInput) input: CreatePartnerJobPostingInput, @Ctx() context: PartnerContext) {
    const { city } = authorizePostingWrite(context, input.cityCode, WHAT);
    return new JobPostingService(context.em).create(input, city);
  }

  @Mutation(() => PartnerJobPosting, { description: "Change an open posting of the caller's city." })
  updatePartnerJobPosting(@Arg('input', () => UpdatePartnerJobPostingInput) input: UpdatePartnerJobPostingInput, @Ctx() context: PartnerContext) {
    const { inScope } = authorizePostingWrite(context, null, WHAT);
    return new JobPostingService(context.em).update(input, inScope);
  }

  @Mutation(() => PartnerJobPosting, { description: "招满/撤回 — close a posting of the caller's city before its validUntil." })
  closePartnerJobPosting(@Arg('input', () => ClosePartnerJobPostingInput) input: ClosePartnerJobPostingInput, @Ctx() context: PartnerContext) {
    const { inScope } = authorizePostingWrite(context, null, WHAT);
    return new JobPostingService(context.em).close(input, inScope);
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
