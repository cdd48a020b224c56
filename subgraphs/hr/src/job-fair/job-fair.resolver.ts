import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType } from '@jiuye/common';
import type { HrContext } from '../context';
import { authorizeReferenceWrite, authorizeWorkerWrite } from '../access';
import { Employer } from '../employer/employer.entity';
import { Division } from '../division/division.type';
import { JobPosting } from '../job-posting/job-posting.entity';
import { Worker } from '../worker/worker.type';
import { JobFair, JobFairIntention } from './job-fair.entity';
import {
  AddJobFairEmployerInput,
  CancelJobFairInput,
  CreateJobFairInput,
  RecordJobFairAttendanceInput,
  RecordJobFairIntentionInput,
  RemoveJobFairEmployerInput,
  UpdateJobFairInput,
} from './job-fair.inputs';
import { JobFairService } from './job-fair.service';

@ObjectType()
export class JobFairPage extends PageType(JobFair) {}

@ArgsType()
class JobFairsArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: 'Fairs whose division code starts with this code.' })
  divisionCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  online?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: cancelled only; false: not cancelled; left out: both.' })
  cancelled?: boolean | null;
}

const WHAT = 'job fairs';

@Resolver(() => JobFair)
export class JobFairResolver {
  @Query(() => JobFairPage, { description: '招聘会 — job fairs, by id.' })
  jobFairs(@Args(() => JobFairsArgs) args: JobFairsArgs, @Ctx() { em, config }: HrContext) {
    return new JobFairService(em, config.pseudonymKey).list(args);
  }

  @Query(() => JobFair, { nullable: true, description: 'One job fair by id; empty when there is none.' })
  jobFair(@Arg('id', () => ID) id: string, @Ctx() { em, config }: HrContext) {
    return new JobFairService(em, config.pseudonymKey).byId(id);
  }

  @FieldResolver(() => [Employer], { description: '参会企业 — employers taking part (at most 200).' })
  async employers(@Root() fair: JobFair, @Ctx() { loaders }: HrContext) {
    const links = await loaders.employerLinksByFair.load(fair.id);
    return (await loaders.employerById.loadMany(links.map((link) => link.employerId))).filter((employer) => employer instanceof Employer);
  }

  @FieldResolver(() => [JobPosting], { description: '进场岗位 — postings brought to the fair (at most 500).' })
  async postings(@Root() fair: JobFair, @Ctx() { loaders }: HrContext) {
    const links = await loaders.postingLinksByFair.load(fair.id);
    return (await loaders.postingById.loadMany(links.map((link) => link.postingId))).filter((posting) => posting instanceof JobPosting);
  }

  @FieldResolver(() => Division)
  division(@Root() fair: JobFair): Division {
    return { code: fair.divisionCode };
  }

  @FieldResolver(() => [JobFairIntention], { description: '达成意向 reached at this fair.' })
  async intentions(@Root() fair: JobFair, @Ctx() { loaders, access }: HrContext) {
    return access.filterVisible(await loaders.intentionsByFair.load(fair.id), (intention) => ({ workerId: intention.workerId }));
  }

  @Mutation(() => JobFairIntention, { description: '达成意向 — a worker and an employer agreed on a posting at a job fair.' })
  async recordJobFairIntention(@Arg('input', () => RecordJobFairIntentionInput) input: RecordJobFairIntentionInput, @Ctx() context: HrContext) {
    const inScope = authorizeWorkerWrite(context, 'job-fair intentions');
    return new JobFairService(context.em, context.config.pseudonymKey, inScope).recordIntention(input);
  }

  @Mutation(() => JobFair, { description: '举办招聘会 — a job fair of your region (hr officers).' })
  createJobFair(@Arg('input', () => CreateJobFairInput) input: CreateJobFairInput, @Ctx() context: HrContext) {
    return this.service(context).create(input);
  }

  @Mutation(() => JobFair, { description: 'Change a job fair of your region.' })
  updateJobFair(@Arg('input', () => UpdateJobFairInput) input: UpdateJobFairInput, @Ctx() context: HrContext) {
    return this.service(context).update(input);
  }

  @Mutation(() => JobFair, { description: 'Call off a job fair of your region before anything happened at it.' })
  cancelJobFair(@Arg('input', () => CancelJobFairInput) input: CancelJobFairInput, @Ctx() context: HrContext) {
    return this.service(context).cancel(input);
  }

  @Mutation(() => JobFair, { description: '参会企业 — an employer takes part in a fair of your region, with the postings it brings.' })
  addJobFairEmployer(@Arg('input', () => AddJobFairEmployerInput) input: AddJobFairEmployerInput, @Ctx() context: HrContext) {
    return this.service(context).addEmployer(input);
  }

  @Mutation(() => JobFair, { description: 'An employer withdraws from a fair of your region, with its postings.' })
  removeJobFairEmployer(@Arg('input', () => RemoveJobFairEmployerInput) input: RemoveJobFairEmployerInput, @Ctx() context: HrContext) {
    return this.service(context).removeEmployer(input);
  }

  @Mutation(() => JobFair, { description: '入场人数 — how many came to a fair of your region.' })
  recordJobFairAttendance(@Arg('input', () => RecordJobFairAttendanceInput) input: RecordJobFairAttendanceInput, @Ctx() context: HrContext) {
    return this.service(context).recordAttendance(input);
  }

  private service(context: HrContext): JobFairService {
    return new JobFairService(context.em, context.config.pseudonymKey, undefined, authorizeReferenceWrite(context, WHAT));
  }
}

@Resolver(() => JobFairIntention)
export class JobFairIntentionResolver {
  @FieldResolver(() => JobFair)
  async fair(@Root() intention: JobFairIntention, @Ctx() { loaders }: HrContext) {
    return loaders.fairById.load(intention.fairId);
  }

  @FieldResolver(() => Worker)
  worker(@Root() intention: JobFairIntention): Worker {
    return { id: intention.workerId };
  }

  @FieldResolver(() => JobPosting)
  async posting(@Root() intention: JobFairIntention, @Ctx() { loaders }: HrContext) {
    return loaders.postingById.load(intention.postingId);
  }
}
