import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Course } from '../course/course.entity';
import { Institution, InstitutionKind } from './institution.entity';
import { InstitutionService } from './institution.service';
import { ownInstitution } from '../access';

@ObjectType()
export class InstitutionPage extends PageType(Institution) {}

@ArgsType()
class InstitutionsArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: 'A county, township or village: institutions in it.' })
  divisionCode?: string | null;

  @Field(() => InstitutionKind, { nullable: true })
  kind?: InstitutionKind | null;
}

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => InstitutionPage, { description: '培训机构 — training institutions, optionally in one division.' })
  institutions(@Args(() => InstitutionsArgs) args: InstitutionsArgs, @Ctx() { em, access }: TrainingContext) {
    return new InstitutionService(em).list({ ...args, id: ownInstitution(access) });
  }

  @FieldResolver(() => [Course], { description: 'Courses the institution offers (not closed), by name.' })
  courses(@Root() institution: Institution, @Ctx() { loaders }: TrainingContext) {
    return loaders.coursesByInstitution.load(institution.id);
  }
}
