import { Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EmploymentPlace, LocalDateScalar, PageArgs, PageType, Trade } from '@jiuye/common';
import type { HrContext } from '../context';
import { Employer } from '../employer/employer.entity';
import { JobPosting } from './job-posting.entity';
import { JobPostingService } from './job-posting.service';

@ObjectType()
export class JobPostingPage extends PageType(JobPosting) {}

@ArgsType()
class JobPostingsArgs extends PageArgs {
  @Field(() => EmploymentPlace, { nullable: true })
  place?: EmploymentPlace | null;

  @Field(() => Trade, { nullable: true, description: 'Only postings asking for this trade.' })
  requiredTrade?: Trade | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only postings open on this day.' })
  openOn?: string | null;
}

@Resolver(() => JobPosting)
export class JobPostingResolver {
  @Query(() => JobPostingPage, { description: '招聘岗位 — job postings, by id.' })
  jobPostings(@Args(() => JobPostingsArgs) args: JobPostingsArgs, @Ctx() { em }: HrContext) {
    return new JobPostingService(em).list(args);
  }

  @FieldResolver(() => Employer)
  async employer(@Root() posting: JobPosting, @Ctx() { loaders }: HrContext) {
    return loaders.employerById.load(posting.employerId);
  }

  @FieldResolver(() => Int, { description: 'Headcount not yet taken by intentions reached at job fairs (达成意向).' })
  async remainingHeadcount(@Root() posting: JobPosting, @Ctx() { loaders }: HrContext) {
    return Math.max(0, posting.headcount - (await loaders.takenByPosting(posting.id)));
  }
}
