import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType } from '@jiuye/common';
import type { HrContext } from '../context';
import { Division } from '../division/division.type';
import { Employer, EmployerKind } from './employer.entity';
import { EmployerService } from './employer.service';

@ObjectType()
export class EmployerPage extends PageType(Employer) {}

@ArgsType()
class EmployersArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: 'Employers located in this division (any level).' })
  divisionCode?: string | null;

  @Field(() => EmployerKind, { nullable: true })
  kind?: EmployerKind | null;
}

@Resolver(() => Employer)
export class EmployerResolver {
  @Query(() => EmployerPage, { description: '用工主体 — employers, poverty workshops, village factories, assistance bases and cooperatives.' })
  employers(@Args(() => EmployersArgs) args: EmployersArgs, @Ctx() { em }: HrContext) {
    return new EmployerService(em).list(args);
  }

  @FieldResolver(() => Division)
  division(@Root() employer: Employer): Division {
    return { code: employer.divisionCode };
  }
}
