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

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => TrainingClass)
  trainingClass(@Root() enrolment: Enrolment, @Ctx() { loaders }: TrainingContext) {
    return loaders.classById.load(enrolment.classId);
  }

  @FieldResolver(() => Worker, { description: 'The trainee (names and the rest come from the labour registry).' })
  worker(@Root() enrolment: Enrolment): Worker {
    return { id: enrolment.workerId };
  }

  @FieldResolver(() => Float, { description: '出勤率 — attendance days ÷ class days, 0 to 1.' })
  async attendanceRate(@Root() enrolment: Enrolment, @Ctx() { loaders }: TrainingContext) {
    const trainingClass = await loaders.classById.load(enrolment.classId);
    return trainingClass ? enrolment.attendanceDays / classLengthDays(trainingClass) : 0;
  }

  @Mutation(() => Enrolment, { description: '报名 — enrol a worker in a class that has not ended and has a free place.' })
  enrolTrainee(@Arg('input', () => EnrolTraineeInput) input: EnrolTraineeInput, @Ctx() { em, config }: TrainingContext) {
    return new EnrolmentService(em, config.pseudonymKey).enrol(input);
  }

  @Mutation(() => Enrolment, { description: '考勤 — set the days a trainee has attended so far.' })
  recordAttendance(@Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput, @Ctx() { em, config }: TrainingContext) {
    return new EnrolmentService(em, config.pseudonymKey).recordAttendance(input);
  }

  @Mutation(() => Enrolment, { description: '结业 — complete a class; needs at least 80 % attendance.' })
  completeTraining(@Arg('input', () => CompleteTrainingInput) input: CompleteTrainingInput, @Ctx() { em, config }: TrainingContext) {
    return new EnrolmentService(em, config.pseudonymKey).complete(input);
  }

  @Mutation(() => Enrolment, { description: '退学 — a trainee leaves a class before completing it.' })
  dropTraining(@Arg('input', () => DropTrainingInput) input: DropTrainingInput, @Ctx() { em, config }: TrainingContext) {
    return new EnrolmentService(em, config.pseudonymKey).drop(input);
  }

  @Mutation(() => Enrolment, { description: '培训后就业 — record the first job after a completed training.' })
  recordPostTrainingEmployment(
    @Arg('input', () => RecordPostTrainingEmploymentInput) input: RecordPostTrainingEmploymentInput,
    @Ctx() { em, config }: TrainingContext,
  ) {
    return new EnrolmentService(em, config.pseudonymKey).recordEmployment(input);
  }
}
