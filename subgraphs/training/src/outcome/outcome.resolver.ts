import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { DivisionCodeScalar, forbidden, LocalDateScalar, suppressionThresholdFromEnv } from '@jiuye/common';
import { scopeInstitutionArg } from '../access';
import type { TrainingContext } from '../context';
import { CourseKind } from '../course/course.entity';
import { TrainingOutcomes } from './outcome.type';
import { OutcomeService } from './outcome.service';

@ArgsType()
class TrainingOutcomesArgs {
  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => DivisionCodeScalar, {
    nullable: true,
    description: 'Only institutions in this division (where the training takes place); inside your region, which is the default.',
  })
  divisionCode?: string | null;

  @Field(() => CourseKind, { nullable: true, description: 'MEDIUM_TERM for the 3-month employment indicator.' })
  courseKind?: CourseKind | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Classes starting on or after this day.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Classes starting on or before this day.' })
  to?: string | null;
}

@Resolver(() => TrainingOutcomes)
export class OutcomeResolver {
  @Query(() => TrainingOutcomes, { description: '培训成效 — participants, completions and employment within 3 months, for classes that started in a period.' })
  trainingOutcomes(@Args(() => TrainingOutcomesArgs) args: TrainingOutcomesArgs, @Ctx() { em, access }: TrainingContext) {
    // Counts only: dashboards read them within their region, suppressed; institution staff for their own institution.
    if (access.identity.department === 'dashboard') {
      const narrowing = (['institutionId', 'from', 'to'] as const).find((name) => args[name] != null);
      if (narrowing) {
        const refusal = forbidden(
          `${narrowing}: dashboards read training outcomes by region and course kind only (a narrower slice could be subtracted from a total to recover a suppressed count); the figures per period are in indicators`,
          'suppression-slice',
        );
        refusal.extensions.field = narrowing;
        throw refusal;
      }
      return new OutcomeService(em).suppressedOutcomes(access.scopeAggregate(args.divisionCode), args.courseKind, suppressionThresholdFromEnv());
    }
    const scoped =
      access.kind === 'institution'
        ? { ...args, institutionId: scopeInstitutionArg(access, args.institutionId) }
        : { ...args, divisionCode: access.scopeAggregate(args.divisionCode) };
    return new OutcomeService(em).outcomes(scoped);
  }
}
