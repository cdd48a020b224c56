import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, PageArgs, PageType, PARTNER_CITIES_PATH, parsePartnerCityAnswer } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Course } from '../course/course.entity';
import { Enrolment } from '../enrolment/enrolment.entity';
import { ClassSession } from '../class-session/class-session.entity';
import { ClassStatus, TrainingClass } from './training-class.entity';
import { CancelTrainingClassInput, CloseTrainingClassInput, CreateTrainingClassInput, UpdateTrainingClassInput } from './training-class.inputs';
import { type KnownPartnerCity, TrainingClassWrites } from './training-class.writes';
import { TrainingClassService } from './training-class.service';
import { authorizeCatalogueWrite, ownInstitution, visibleClassOrNull, visibleEnrolments } from '../access';

const WHAT = 'training classes';

/** 东西部协作: whether a city funding a class is a partner city, asked of partner (the holder of the list) with the caller's identity. */
function partnerCityCheck(context: TrainingContext): KnownPartnerCity {
  return async (code) => parsePartnerCityAnswer(await context.askDepartment('partner', PARTNER_CITIES_PATH, { codes: [code] })).has(code);
}

@ObjectType()
export class TrainingClassPage extends PageType(TrainingClass) {}

@ArgsType()
class TrainingClassesArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  courseId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only classes starting on or after this day.' })
  startsFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only classes starting on or before this day.' })
  startsTo?: string | null;

  @Field(() => ClassStatus, { nullable: true, description: 'Only classes in this status.' })
  status?: ClassStatus | null;
}

@Resolver(() => TrainingClass)
export class TrainingClassResolver {
  @Query(() => TrainingClassPage, { description: '培训班 — classes by start date, optionally of one course.' })
  trainingClasses(@Args(() => TrainingClassesArgs) args: TrainingClassesArgs, @Ctx() { em, access }: TrainingContext) {
    return new TrainingClassService(em).list({ ...args, institutionId: ownInstitution(access) });
  }

  @Query(() => TrainingClass, { nullable: true })
  async trainingClass(@Arg('id', () => ID) id: string, @Ctx() context: TrainingContext) {
    return visibleClassOrNull(context, await new TrainingClassService(context.em).get(id));
  }

  @Mutation(() => TrainingClass, { description: '开班 — a class of a course of the caller’s institution (county training staff: of their region).' })
  createTrainingClass(@Arg('input', () => CreateTrainingClassInput) input: CreateTrainingClassInput, @Ctx() context: TrainingContext) {
    return new TrainingClassWrites(context.em).create(input, authorizeCatalogueWrite(context, WHAT), partnerCityCheck(context));
  }

  @Mutation(() => TrainingClass, { description: 'Change an open class: dates (the first day only before it began), places, place, teacher.' })
  updateTrainingClass(@Arg('input', () => UpdateTrainingClassInput) input: UpdateTrainingClassInput, @Ctx() context: TrainingContext) {
    return new TrainingClassWrites(context.em).update(input, authorizeCatalogueWrite(context, WHAT), partnerCityCheck(context));
  }

  @Mutation(() => TrainingClass, { description: '结班 — close a class that has ended, once every trainee completed or dropped.' })
  closeTrainingClass(@Arg('input', () => CloseTrainingClassInput) input: CloseTrainingClassInput, @Ctx() context: TrainingContext) {
    return new TrainingClassWrites(context.em).close(input, authorizeCatalogueWrite(context, WHAT));
  }

  @Mutation(() => TrainingClass, { description: '取消 — cancel a class: trainees still enrolled are dropped (班级取消：reason); refused once a trainee completed.' })
  cancelTrainingClass(@Arg('input', () => CancelTrainingClassInput) input: CancelTrainingClassInput, @Ctx() context: TrainingContext) {
    return new TrainingClassWrites(context.em).cancel(input, authorizeCatalogueWrite(context, WHAT));
  }

  @FieldResolver(() => [ClassSession], { description: '课程表 — the schedule, by day and start time (at most 400 sessions).' })
  sessions(@Root() trainingClass: TrainingClass, @Ctx() { loaders }: TrainingContext) {
    return loaders.sessionsByClass.load(trainingClass.id);
  }

  @FieldResolver(() => Course)
  course(@Root() trainingClass: TrainingClass, @Ctx() { loaders }: TrainingContext) {
    return loaders.courseById.load(trainingClass.courseId);
  }

  @FieldResolver(() => Int, { description: 'Places taken: trainees enrolled or completed (dropouts free their place).' })
  async placesTaken(@Root() trainingClass: TrainingClass, @Ctx() { loaders }: TrainingContext) {
    return (await loaders.placesTakenByClass.load(trainingClass.id))?.taken ?? 0;
  }

  @FieldResolver(() => [Enrolment], { description: '学员名册 — the class roster, in enrolment order, dropouts included.' })
  async enrolments(@Root() trainingClass: TrainingClass, @Ctx() { loaders, access }: TrainingContext) {
    access.requirePersonAccess();
    return visibleEnrolments(access, await loaders.enrolmentsByClass.load(trainingClass.id));
  }
}
