import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType } from '@jiuye/common';
import type { HrContext } from '../context';
import { authorizeWorkerWrite } from '../access';
import { Division } from '../division/division.type';
import { JobPosting } from '../job-posting/job-posting.entity';
import { Worker } from '../worker/worker.type';
import { JobFair, JobFairIntention } from './job-fair.entity';
import { RecordJobFairIntentionInput } from './job-fair.inputs';
import { JobFairService } from './job-fair.service';

@ObjectType()
export class JobFairPage extends PageType(JobFair) {}

@ArgsType()
class JobFairsArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: 'Fairs whose division code starts with this code.' })
  divisionCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  online?: boolean | null;
}

@Resolver(() => JobFair)
export class JobFairResolver {
  @Query(() => JobFairPage, { description: '招聘会 — job fairs, by id.' })
  jobFairs(@Args(() => JobFairsArgs) args: JobFairsArgs, @Ctx() { em, config }: HrContext) {
    return new JobFairService(em, config.pseudonymKey).list(args);
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
