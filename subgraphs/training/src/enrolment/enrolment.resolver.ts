import { Arg, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../context';
import { classLengthDays, TrainingClass } from '../training-class/training-class.entity';
import { Worker } from '../worker/worker.type';
import { Enrolment } from './enrolment.entity';
import {
  CompleteTrainingInput,
  DropTrainingInput,
  EnrolTraineeInput,
  RecordAttendanceInput,
  RecordPostTrainingEmploymentInput,
} from './enrolment.inputs';
import { EnrolmentService } from './enrolment.service';
import { authorizeEnrol, authorizeEnrolmentWrite } from '../access';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => TrainingClass)
  trainingClass(@Root() enrolment: Enrolment, @Ctx() { loaders }: TrainingContext) {
    return loaders.classById.load(enrolment.classId);
  }

  @FieldResolver(() => Worker, { description: 'The trainee (names and the rest come from the labour registry).' })
  worker(@Root() enrolment: Enrolment): Worker {
    return { id: enrolment.workerId, knownInstitution: enrolment.institutionId ?? null };
  }

  @FieldResolver(() => Float, { description: '出勤率 — attendance days ÷ class days, 0 to 1.' })
  async attendanceRate(@Root() enrolment: Enrolment, @Ctx() { loaders }: TrainingContext) {
    const trainingClass = await loaders.classById.load(enrolment.classId);
    return trainingClass ? enrolment.attendanceDays / classLengthDays(trainingClass) : 0;
  }

  @Mutation(() => Enrolment, { description: '报名 — enrol a worker in a class that has not ended and has a free place.' })
  async enrolTrainee(@Arg('input', () => EnrolTraineeInput) input: EnrolTraineeInput, @Ctx() context: TrainingContext) {
    const institutionId = await authorizeEnrol(context, input);
    const enrolment = await new EnrolmentService(context.em, context.config.pseudonymKey).enrol(input);
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
  async recordPostTrainingEmployment(
    @Arg('input', () => RecordPostTrainingEmploymentInput) input: RecordPostTrainingEmploymentInput,
    @Ctx() context: TrainingContext,
  ) {
    const inScope = authorizeEnrolmentWrite(context, 'post-training employment');
    return new EnrolmentService(context.em, context.config.pseudonymKey, inScope).recordEmployment(input);
  }
}
