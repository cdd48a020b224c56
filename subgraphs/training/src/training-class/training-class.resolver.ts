import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, PageArgs, PageType } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Course } from '../course/course.entity';
import { Enrolment } from '../enrolment/enrolment.entity';
import { TrainingClass } from './training-class.entity';
import { TrainingClassService } from './training-class.service';
import { ownInstitution, visibleClassOrNull, visibleEnrolments } from '../access';

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
