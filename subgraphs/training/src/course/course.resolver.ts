import { Args, ArgsType, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, PageType, Trade } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { Course, CourseKind } from './course.entity';
import { CourseService } from './course.service';
import { scopeInstitutionArg } from '../access';

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
}

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => CoursePage, { description: '培训课程 — courses, by kind, trade or institution.' })
  courses(@Args(() => CoursesArgs) args: CoursesArgs, @Ctx() { em, access }: TrainingContext) {
    return new CourseService(em).list({ ...args, institutionId: scopeInstitutionArg(access, args.institutionId) });
  }

  @FieldResolver(() => Institution)
  async institution(@Root() course: Course, @Ctx() { loaders }: TrainingContext) {
    return loaders.institutionById.load(course.institutionId);
  }
}
