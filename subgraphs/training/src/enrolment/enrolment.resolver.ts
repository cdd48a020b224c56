import { Arg, Args, ArgsType, Ctx, FieldResolver, Float, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { authorizeLinkRowDecision, LinkConfirmation, requireLinkDecider, PageArgs, PageType, parseRowId } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { classLengthDays, TrainingClass } from '../training-class/training-class.entity';
import { Worker } from '../worker/worker.type';
import { Enrolment } from './enrolment.entity';
import { CompleteTrainingInput, DecideEnrolmentInput, DropTrainingInput, EnrolTraineeInput, RecordAttendanceInput, RecordPostTrainingEmploymentInput } from './enrolment.inputs';
import { EnrolmentService } from './enrolment.service';
import { authorizeEnrol, authorizeEnrolmentWrite, trainingAccess, visibleEnrolments } from '../access';

@ObjectType()
export class EnrolmentPage extends PageType(Enrolment) {}

@ArgsType()
class PendingEnrolmentsArgs extends PageArgs {}

/**
 * Before confirmEnrolment / rejectEnrolment: county staff (hr or training officers) whose region
 * holds the enrolled worker. A malformed id is left to the service (BAD_USER_INPUT); an unknown
 * one and another region's answer alike, NOT_FOUND.
 */
async function authorizeEnrolmentDecision(context: TrainingContext, enrolmentId: string): Promise<void> {
  const id = parseRowId(enrolmentId);
  if (id === null) return requireLinkDecider(context.access, 'training', 'input.enrolmentId: the enrolment');
  const enrolment = await context.loaders.enrolmentById.load(id);
  await authorizeLinkRowDecision(context.access, 'training', enrolment?.workerId ?? null, 'enrolment', 'input.enrolmentId');
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => TrainingClass)
  trainingClass(@Root() enrolment: Enrolment, @Ctx() { loaders }: TrainingContext) {
    return loaders.classById.load(enrolment.classId);
  }

  @FieldResolver(() => Worker, {
    nullable: true,
    description:
      "The trainee (names and the rest come from the labour registry); empty when you cannot see them — an institution's own pending enrolment, until the county confirms it.",
  })
  async worker(@Root() enrolment: Enrolment, @Ctx() { access }: TrainingContext): Promise<Worker | null> {
    // Only a confirmed enrolment makes the worker the institution's trainee (hole 7); for a pending one the authority decides.
    const worker = { id: enrolment.workerId, knownInstitution: enrolment.confirmation === LinkConfirmation.CONFIRMED ? (enrolment.institutionId ?? null) : null };
    return (await access.canSee(trainingAccess.subjects.Worker(worker))) ? worker : null;
  }

  @Query(() => EnrolmentPage, {
    description:
      "待核实报名 — enrolments institutions recorded on their own, awaiting the county's confirmation (region staff: those of workers of their region on each page; institutions: their own).",
  })
  async pendingEnrolments(@Args(() => PendingEnrolmentsArgs) args: PendingEnrolmentsArgs, @Ctx() context: TrainingContext) {
    context.access.requirePersonAccess();
    const page = await new EnrolmentService(context.em, context.config.pseudonymKey).pending(args);
    return { ...page, nodes: await visibleEnrolments(context.access, page.nodes) };
  }

  @FieldResolver(() => Float, { description: '出勤率 — attendance days ÷ class days, 0 to 1.' })
  async attendanceRate(@Root() enrolment: Enrolment, @Ctx() { loaders }: TrainingContext) {
    const trainingClass = await loaders.classById.load(enrolment.classId);
    return trainingClass ? enrolment.attendanceDays / classLengthDays(trainingClass) : 0;
  }

  @Mutation(() => Enrolment, { description: '报名 — enrol a worker in a class that has not ended and has a free place.' })
  async enrolTrainee(@Arg('input', () => EnrolTraineeInput) input: EnrolTraineeInput, @Ctx() context: TrainingContext) {
    const { institutionId, confirmed } = await authorizeEnrol(context, input);
    const enrolment = await new EnrolmentService(context.em, context.config.pseudonymKey).enrol(input, confirmed);
    context.access.forget(enrolment.workerId); // the request asked about the worker before the write
    enrolment.institutionId ??= institutionId;
    return enrolment;
  }

  @Mutation(() => Enrolment, { description: '考勤 — set the days a trainee has attended so far.' })
  async recordAttendance(@Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput, @Ctx() context: TrainingContext) {
    const inScope = authorizeEnrolmentWrite(context, 'attendance');
    return new EnrolmentService(context.em, context.config.pseudonymKey, inScope).recordAttendance(input);
  }

  @Mutation(() => Enrolment, { description: '结业 — complete a class; needs at least 80 % attendance.' })
  async completeTraining(@Arg('input', () => CompleteTrainingInput) input: CompleteTrainingInput, @Ctx() context: TrainingContext) {
    const inScope = authorizeEnrolmentWrite(context, 'completions');
    return new EnrolmentService(context.em, context.config.pseudonymKey, inScope).complete(input);
  }

  @Mutation(() => Enrolment, { description: '退学 — a trainee leaves a class before completing it.' })
  async dropTraining(@Arg('input', () => DropTrainingInput) input: DropTrainingInput, @Ctx() context: TrainingContext) {
    const inScope = authorizeEnrolmentWrite(context, 'dropouts');
    return new EnrolmentService(context.em, context.config.pseudonymKey, inScope).drop(input);
  }

  @Mutation(() => Enrolment, { description: '培训后就业 — record the first job after a completed training.' })
  async recordPostTrainingEmployment(@Arg('input', () => RecordPostTrainingEmploymentInput) input: RecordPostTrainingEmploymentInput, @Ctx() context: TrainingContext) {
    const inScope = authorizeEnrolmentWrite(context, 'post-training employment');
    return new EnrolmentService(context.em, context.config.pseudonymKey, inScope).recordEmployment(input);
  }

  @Mutation(() => Enrolment, {
    description: "核实确认 — county staff (hr or training) of the worker's region confirm an enrolment an institution recorded on its own; from then on the worker is its trainee.",
  })
  async confirmEnrolment(@Arg('input', () => DecideEnrolmentInput) input: DecideEnrolmentInput, @Ctx() context: TrainingContext) {
    await authorizeEnrolmentDecision(context, input.enrolmentId);
    const enrolment = await new EnrolmentService(context.em, context.config.pseudonymKey).decide(input, 'CONFIRMED', context.identity.subject);
    context.access.forget(enrolment.workerId);
    return enrolment;
  }

  @Mutation(() => Enrolment, {
    description:
      "核实驳回 — county staff (hr or training) of the worker's region reject an enrolment an institution recorded on its own (reason required); the institution never sees the worker through it.",
  })
  async rejectEnrolment(@Arg('input', () => DecideEnrolmentInput) input: DecideEnrolmentInput, @Ctx() context: TrainingContext) {
    await authorizeEnrolmentDecision(context, input.enrolmentId);
    const enrolment = await new EnrolmentService(context.em, context.config.pseudonymKey).decide(input, 'REJECTED', context.identity.subject);
    context.access.forget(enrolment.workerId);
    return enrolment;
  }
}
