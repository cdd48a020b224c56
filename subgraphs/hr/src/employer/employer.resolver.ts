import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType } from '@jiuye/common';
import type { HrContext } from '../context';
import { authorizeReferenceWrite } from '../access';
import { Division } from '../division/division.type';
import { Employer, EmployerKind } from './employer.entity';
import { CloseEmployerInput, CreateEmployerInput, UpdateEmployerInput } from './employer.inputs';
import { EmployerService } from './employer.service';

@ObjectType()
export class EmployerPage extends PageType(Employer) {}

@ArgsType()
class EmployersArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: 'Employers located in this division (any level).' })
  divisionCode?: string | null;

  @Field(() => EmployerKind, { nullable: true })
  kind?: EmployerKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true: operating only; false: closed only; left out: both.' })
  open?: boolean | null;
}

const WHAT = 'employers';

@Resolver(() => Employer)
export class EmployerResolver {
  @Query(() => EmployerPage, { description: '用工主体 — employers, poverty workshops, village factories, assistance bases and cooperatives.' })
  employers(@Args(() => EmployersArgs) args: EmployersArgs, @Ctx() { em }: HrContext) {
    return new EmployerService(em).list(args);
  }

  @Query(() => Employer, { nullable: true, description: 'One employer by id; empty when there is none.' })
  employer(@Arg('id', () => ID) id: string, @Ctx() { em }: HrContext) {
    return new EmployerService(em).byId(id);
  }

  @FieldResolver(() => Division)
  division(@Root() employer: Employer): Division {
    return { code: employer.divisionCode };
  }

  @Mutation(() => Employer, { description: '新增用工主体 — record an employer in your region (hr officers).' })
  createEmployer(@Arg('input', () => CreateEmployerInput) input: CreateEmployerInput, @Ctx() context: HrContext) {
    return new EmployerService(context.em, authorizeReferenceWrite(context, WHAT)).create(input);
  }

  @Mutation(() => Employer, { description: 'Change an operating employer of your region.' })
  updateEmployer(@Arg('input', () => UpdateEmployerInput) input: UpdateEmployerInput, @Ctx() context: HrContext) {
    return new EmployerService(context.em, authorizeReferenceWrite(context, WHAT)).update(input);
  }

  @Mutation(() => Employer, { description: '注销/停办 — close an employer of your region; its open postings are withdrawn.' })
  closeEmployer(@Arg('input', () => CloseEmployerInput) input: CloseEmployerInput, @Ctx() context: HrContext) {
    return new EmployerService(context.em, authorizeReferenceWrite(context, WHAT)).close(input);
  }
}
