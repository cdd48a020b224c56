import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  ageOn,
  DivisionCodeScalar,
  Education,
  EmploymentIntention,
  EmploymentStatus,
  hasErrorCode,
  isHouseholdCode,
  LocalDateScalar,
  maskIdNumber,
  maskPhone,
  PageArgs,
  PageType,
  PopulationStatus,
  Sex,
  SkillLevel,
  todayInChina,
  Trade,
} from '@jiuye/common';
import type { HrContext } from '../context';
import { Division } from '../division/division.type';
import { Employment } from '../employment/employment.entity';
import { Household } from '../household/household.type';
import { JobFairIntention } from '../job-fair/job-fair.entity';
import { JobPosting } from '../job-posting/job-posting.entity';
import { checkSuitableCount, suitableKey } from '../job-posting/job-posting.service';
import { SubsidyPayment } from '../subsidy/subsidy.entity';
import { WelfarePostAssignment } from '../welfare-post/welfare-post.entity';
import type { WorkerRecord } from './worker.entity';
import { RegisterWorkerInput, UpdateSixClaritiesInput } from './worker.inputs';
import { WorkerService } from './worker.service';
import { authorizeWorkerWrite, visibleWorkerOrNotFound } from '../access';
import { Worker } from './worker.type';

@ObjectType()
export class WorkerPage extends PageType(Worker) {}

@ArgsType()
export class WorkerFilterArgs extends PageArgs {
  @Field(() => EmploymentStatus, { nullable: true, description: 'e.g. UNEMPLOYED: the roster of the unemployed (未就业).' })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => PopulationStatus, { nullable: true })
  populationStatus?: PopulationStatus | null;

  @Field(() => EmploymentIntention, { nullable: true })
  employmentIntention?: EmploymentIntention | null;

  @Field(() => Trade, { nullable: true, description: 'The training-needs roster (培训需求) for one trade.' })
  trainingWish?: Trade | null;
}

@ArgsType()
class WorkersArgs extends WorkerFilterArgs {
  @Field(() => DivisionCodeScalar, { description: 'A county, township or village: workers of households in it.' })
  divisionCode: string;
}

const NOT_IN_REGISTRY = 'Empty when the person is not in the labour registry.';

/**
 * The labour registry's fields on the federated Worker. A Worker reaches these resolvers as
 * {id} (from _entities, child records or mutations); the record comes from the request's
 * workerById loader, one query per batch, already primed by lists and mutations.
 */
@Resolver(() => Worker)
export class WorkerResolver {
  @Query(() => Worker, {
    nullable: true,
    description:
      'A worker in the labour registry by ID number (validated; a number not registered gives NOT_FOUND on idNumber). People known only to poverty or civil affairs: situation’s person(idNumber).',
  })
  async worker(@Arg('idNumber', () => String) idNumber: string, @Ctx() context: HrContext) {
    context.access.requirePersonAccess();
    return visibleWorkerOrNotFound(context, idNumber);
  }

  @Query(() => WorkerPage, { description: '一库六册 — workers of households in a division, by household; filters give the rosters.' })
  workers(@Args(() => WorkersArgs) args: WorkersArgs, @Ctx() { loaders, access }: HrContext) {
    return loaders.workerPage({ ...args, divisionCode: access.scopeDivision(args.divisionCode) });
  }

  @Mutation(() => Worker, { description: '农村劳动力实名制登记 — register a person aged 16–60 in the labour registry.' })
  async registerWorker(@Arg('input', () => RegisterWorkerInput) input: RegisterWorkerInput, @Ctx() { em, config, loaders, access, logger, requestId }: HrContext) {
    access.requireDepartment('hr', 'the labour registry');
    if (isHouseholdCode(input.householdCode)) await access.requireInScope({ place: input.householdCode }, 'input.householdCode');
    const worker = await new WorkerService(em, config.pseudonymKey).register(input).catch((error: unknown) => {
      // A registration that collides with an existing record is the one answer that tells a
      // number is registered somewhere (ALREADY_REGISTERED): operators see who asks, and how often.
      if ((error as { extensions?: { field?: string } }).extensions?.field === 'input.idNumber' && hasErrorCode(error, 'CONFLICT')) {
        logger.warn({ requestId, staff: access.identity.subject, region: access.identity.region }, 'registration refused: the ID number is already registered');
      }
      throw error;
    });
    loaders.workerById.clear(worker.id).prime(worker.id, worker);
    return worker;
  }

  @Mutation(() => Worker, { description: "六个清楚 — update a worker's six clarities (the monthly verification)." })
  async updateSixClarities(@Arg('input', () => UpdateSixClaritiesInput) input: UpdateSixClaritiesInput, @Ctx() context: HrContext) {
    const { em, config, loaders } = context;
    const inScope = authorizeWorkerWrite(context, 'the labour registry');
    const worker = await new WorkerService(em, config.pseudonymKey, inScope).updateSixClarities(input);
    loaders.workerById.clear(worker.id).prime(worker.id, worker);
    return worker;
  }

  private record(worker: Worker, { loaders }: HrContext): Promise<WorkerRecord | null> {
    return loaders.workerById.load(worker.id);
  }

  @FieldResolver(() => String, { nullable: true, description: `姓名. ${NOT_IN_REGISTRY}` })
  async name(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.name ?? null;
  }

  @FieldResolver(() => Sex, { nullable: true, description: `From the ID number. ${NOT_IN_REGISTRY}` })
  async sex(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.sex ?? null;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: `From the ID number (its digits 7–14), so it needs the reveal permission like the number itself; everyone else reads age. ${NOT_IN_REGISTRY}`,
  })
  async birthDate(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.birthDate ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: `Age in whole years today (China Standard Time). ${NOT_IN_REGISTRY}` })
  async age(@Root() worker: Worker, @Ctx() context: HrContext) {
    const record = await this.record(worker, context);
    return record ? ageOn(record.birthDate, todayInChina()) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: `ID number with only its area code (first six digits) shown: 530113************. ${NOT_IN_REGISTRY}` })
  async idNumberMasked(@Root() worker: Worker, @Ctx() context: HrContext) {
    const record = await this.record(worker, context);
    return record ? maskIdNumber(record.idNumber) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: `身份证号 in full. Needs the reveal permission; every read is kept in the access log with its purpose. ${NOT_IN_REGISTRY}`,
  })
  async idNumber(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.idNumber ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone in full. Needs the reveal permission; every read is logged. Empty when none is recorded.' })
  async phone(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.phone ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone as 138****5678; empty when none is recorded.' })
  async phoneMasked(@Root() worker: Worker, @Ctx() context: HrContext) {
    return maskPhone((await this.record(worker, context))?.phone);
  }

  @FieldResolver(() => Household, { nullable: true, description: `户 — the household the worker is registered with (department staff of the region). ${NOT_IN_REGISTRY}` })
  async household(@Root() worker: Worker, @Ctx() context: HrContext): Promise<Household | null> {
    const record = await this.record(worker, context);
    return record ? { code: record.householdCode } : null;
  }

  @FieldResolver(() => Division, { nullable: true, description: `The village (村/社区) of the household. ${NOT_IN_REGISTRY}` })
  async village(@Root() worker: Worker, @Ctx() context: HrContext): Promise<Division | null> {
    const record = await this.record(worker, context);
    return record ? { code: record.villageCode } : null;
  }

  @FieldResolver(() => PopulationStatus, { nullable: true, description: '人口状态 (六个清楚).' })
  async populationStatus(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.populationStatus ?? null;
  }

  @FieldResolver(() => EmploymentStatus, { nullable: true, description: '就业状态 (六个清楚): EMPLOYED exactly while an employment is open.' })
  async employmentStatus(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.employmentStatus ?? null;
  }

  @FieldResolver(() => EmploymentIntention, { nullable: true, description: '就业意愿 (六个清楚).' })
  async employmentIntention(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.employmentIntention ?? null;
  }

  @FieldResolver(() => SkillLevel, { nullable: true, description: '技能水平 (六个清楚).' })
  async skillLevel(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.skillLevel ?? null;
  }

  @FieldResolver(() => Trade, { nullable: true, description: '培训意愿 (六个清楚): trade the worker wants to learn, if any.' })
  async trainingWish(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.trainingWish ?? null;
  }

  @FieldResolver(() => Education, { nullable: true, description: '文化程度 (六个清楚).' })
  async education(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.education ?? null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: '月动态核实 — day of the last monthly verification.' })
  async verifiedOn(@Root() worker: Worker, @Ctx() context: HrContext) {
    return (await this.record(worker, context))?.verifiedOn ?? null;
  }

  @FieldResolver(() => [Employment], { nullable: true, description: '就业记录, newest first.' })
  employments(@Root() worker: Worker, @Ctx() { loaders }: HrContext) {
    return loaders.employmentsByWorker.load(worker.id);
  }

  @FieldResolver(() => Employment, { nullable: true, description: 'The open employment, if the worker is employed now.' })
  async currentEmployment(@Root() worker: Worker, @Ctx() { loaders }: HrContext) {
    return (await loaders.employmentsByWorker.load(worker.id)).find((e) => e.endsOn === null) ?? null;
  }

  @FieldResolver(() => [WelfarePostAssignment], { nullable: true, description: '公益性岗位 held now or before, newest first.' })
  welfarePostAssignments(@Root() worker: Worker, @Ctx() { loaders }: HrContext) {
    return loaders.assignmentsByWorker.load(worker.id);
  }

  @FieldResolver(() => [SubsidyPayment], { nullable: true, description: '补贴 paid to the worker, newest first.' })
  subsidies(@Root() worker: Worker, @Ctx() { loaders }: HrContext) {
    return loaders.subsidiesByWorker.load(worker.id);
  }

  @FieldResolver(() => [JobFairIntention], { nullable: true, description: '达成意向 at job fairs, newest first.' })
  jobFairIntentions(@Root() worker: Worker, @Ctx() { loaders }: HrContext) {
    return loaders.intentionsByWorker.load(worker.id);
  }

  @FieldResolver(() => [JobPosting], {
    nullable: true,
    description:
      '人岗匹配 — open postings with headcount left that the worker can take: no trade required (低门槛) or a trade they hold a ' +
      'certificate in (certifiedTrades, from training); never out of province when care duties or a disability keep them near ' +
      'home (staysNearHome, from civil affairs). Best paid first.',
  })
  @Directive('@requires(fields: "staysNearHome certifiedTrades")')
  async suitableJobPostings(
    @Root() worker: Worker,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most this many, 1 to 100.' }) first: number | null,
    @Ctx() { loaders }: HrContext,
  ) {
    const limit = checkSuitableCount(first ?? 20);
    return loaders.suitablePostings(suitableKey(todayInChina(), worker, limit));
  }
}

/** The gateway's representation carries the @requires fields: keep them, add nothing else. */
export function resolveWorkerReference(reference: { id: string; staysNearHome?: boolean; certifiedTrades?: Trade[] }): Worker {
  return { id: reference.id, staysNearHome: reference.staysNearHome, certifiedTrades: reference.certifiedTrades };
}
