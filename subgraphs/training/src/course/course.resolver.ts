import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, PageType, Trade } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { Course, CourseKind } from './course.entity';
import { CloseCourseInput, CreateCourseInput, UpdateCourseInput } from './course.inputs';
import { CourseService } from './course.service';
import { authorizeCatalogueWrite, ownInstitution, scopeInstitutionArg } from '../access';

@ObjectType()
export class CoursePage extends PageType(Course) {}

@ArgsType()
class CoursesArgs extends PageArgs {
  @Field(() => CourseKind, { nullable: true })
  kind?: CourseKind | null;

  @Field(() => Trade, { nullable: true })
  trade?: Trade | null;

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Closed courses (停办) too.' })
  includeClosed: boolean;
}

const WHAT = 'courses';

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => CoursePage, { description: '培训课程 — courses, by kind, trade or institution (institution staff: their own).' })
  courses(@Args(() => CoursesArgs) args: CoursesArgs, @Ctx() { em, access }: TrainingContext) {
    return new CourseService(em).list({ ...args, institutionId: scopeInstitutionArg(access, args.institutionId) });
  }

  @Query(() => Course, { nullable: true, description: 'One course by id; for institution staff another institution’s reads as none.' })
  course(@Arg('id', () => ID) id: string, @Ctx() { em, access }: TrainingContext) {
    return new CourseService(em).get(id, ownInstitution(access));
  }

  @Mutation(() => Course, { description: '开设课程 — institution staff for their institution; county training staff for an institution of their region.' })
  createCourse(@Arg('input', () => CreateCourseInput) input: CreateCourseInput, @Ctx() context: TrainingContext) {
    const inScope = authorizeCatalogueWrite(context, WHAT);
    return new CourseService(context.em).create(input, scopeInstitutionArg(context.access, input.institutionId, 'input.institutionId'), inScope);
  }

  @Mutation(() => Course, { description: 'Change an open course (not its trade).' })
  updateCourse(@Arg('input', () => UpdateCourseInput) input: UpdateCourseInput, @Ctx() context: TrainingContext) {
    return new CourseService(context.em).update(input, authorizeCatalogueWrite(context, WHAT));
  }

  @Mutation(() => Course, { description: '停办 — no new classes of the course; classes already planned run on.' })
  closeCourse(@Arg('input', () => CloseCourseInput) input: CloseCourseInput, @Ctx() context: TrainingContext) {
    return new CourseService(context.em).close(input, authorizeCatalogueWrite(context, WHAT));
  }

  @FieldResolver(() => Institution)
  async institution(@Root() course: Course, @Ctx() { loaders }: TrainingContext) {
    return loaders.institutionById.load(course.institutionId);
  }
}
