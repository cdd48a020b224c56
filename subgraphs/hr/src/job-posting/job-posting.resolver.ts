import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EmploymentPlace, LocalDateScalar, PageArgs, PageType, Trade } from '@jiuye/common';
import type { HrContext } from '../context';
import { authorizeReferenceWrite } from '../access';
import { Employer } from '../employer/employer.entity';
import { JobPosting } from './job-posting.entity';
import { CloseJobPostingInput, CreateJobPostingInput, UpdateJobPostingInput } from './job-posting.inputs';
import { JobPostingService } from './job-posting.service';

@ObjectType()
export class JobPostingPage extends PageType(JobPosting) {}

@ArgsType()
class JobPostingsArgs extends PageArgs {
  @Field(() => EmploymentPlace, { nullable: true })
  place?: EmploymentPlace | null;

  @Field(() => Trade, { nullable: true, description: 'Only postings asking for this trade.' })
  requiredTrade?: Trade | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only postings open on this day (within their period and not closed by then).' })
  openOn?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this employer's postings." })
  employerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: closed only; false: not closed; left out: both.' })
  closed?: boolean | null;
}

const WHAT = 'job postings';

@Resolver(() => JobPosting)
export class JobPostingResolver {
  @Query(() => JobPostingPage, { description: '招聘岗位 — job postings, by id.' })
  jobPostings(@Args(() => JobPostingsArgs) args: JobPostingsArgs, @Ctx() { em }: HrContext) {
    return new JobPostingService(em).list(args);
  }

  @Query(() => JobPosting, { nullable: true, description: 'One job posting by id; empty when there is none.' })
  jobPosting(@Arg('id', () => ID) id: string, @Ctx() { em }: HrContext) {
    return new JobPostingService(em).byId(id);
  }

  @FieldResolver(() => Employer)
  async employer(@Root() posting: JobPosting, @Ctx() { loaders }: HrContext) {
    return loaders.employerById.load(posting.employerId);
  }

  @FieldResolver(() => Int, { description: 'Headcount not yet taken by intentions reached at job fairs (达成意向).' })
  async remainingHeadcount(@Root() posting: JobPosting, @Ctx() { loaders }: HrContext) {
    return Math.max(0, posting.headcount - (await loaders.takenByPosting(posting.id)));
  }

  @Mutation(() => JobPosting, { description: '发布招聘岗位 — post a job of an operating employer of your region (hr officers).' })
  createJobPosting(@Arg('input', () => CreateJobPostingInput) input: CreateJobPostingInput, @Ctx() context: HrContext) {
    return new JobPostingService(context.em, authorizeReferenceWrite(context, WHAT)).create(input);
  }

  @Mutation(() => JobPosting, { description: 'Change an open posting of your region.' })
  updateJobPosting(@Arg('input', () => UpdateJobPostingInput) input: UpdateJobPostingInput, @Ctx() context: HrContext) {
    return new JobPostingService(context.em, authorizeReferenceWrite(context, WHAT)).update(input);
  }

  @Mutation(() => JobPosting, { description: 'Close a posting of your region: filled, withdrawn or expired.' })
  closeJobPosting(@Arg('input', () => CloseJobPostingInput) input: CloseJobPostingInput, @Ctx() context: HrContext) {
    return new JobPostingService(context.em, authorizeReferenceWrite(context, WHAT)).close(input);
  }
}
