import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, forbidden, LocalDateScalar, suppressionThresholdFromEnv } from '@jiuye/common';
import { authorizeTransferWrite, scopeCity } from '../access';
import type { PartnerContext } from '../context';
import { Transfer } from '../transfer/transfer.entity';
import { ContactAttempt, ContactOutcome } from './contact-attempt.entity';
import { RecordContactAttemptInput } from './contact-attempt.inputs';
import { ContactAttemptService } from './contact-attempt.service';

@ObjectType({ description: 'How often one contact outcome occurred: the data-quality figures of the follow-up lists.' })
export class OutcomeCount {
  @Field(() => ContactOutcome)
  outcome: ContactOutcome;

  @Field(() => String, { description: 'Chinese label, e.g. 空号停机错号.' })
  label: string;

  @Field(() => Int, { nullable: true, description: 'Attempts with this outcome (null for dashboards when suppressed).' })
  attempts: number | null;

  @Field(() => Int, { nullable: true, description: 'Workers whose latest attempt in the period had this outcome (null for dashboards when suppressed).' })
  workers: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'workers / all workers attempted in the period (0–1); empty when nobody was, or (dashboards) when workers or their total is suppressed.',
  })
  share: number | null;

  @Field(() => Boolean, { description: 'true when a count is withheld (dashboards only; small-cell suppression).' })
  suppressed: boolean;
}

@ArgsType()
class ContactOutcomeCountsArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: '4-digit code of a partner city: attempts on its transfers (partner-city staff: their own, the default).' })
  cityCode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day (China time), inclusive.' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day (China time), inclusive.' })
  to?: string | null;
}

@Resolver(() => ContactAttempt)
export class ContactAttemptResolver {
  @Query(() => [OutcomeCount], { description: '联系结果统计 — every outcome with its attempts and workers (one aggregate query).' })
  contactOutcomeCounts(@Args(() => ContactOutcomeCountsArgs) args: ContactOutcomeCountsArgs, @Ctx() context: PartnerContext) {
    const { access, identity } = context;
    if (identity.department === 'dashboard') {
      // Dashboards: the workers of their own region only, all cities and dates together, suppressed.
      const narrowing = (['cityCode', 'from', 'to'] as const).find((name) => args[name] != null);
      if (narrowing) {
        const refusal = forbidden(
          `${narrowing}: dashboards read the contact outcomes of their whole region only (a narrower slice could be subtracted from the total to recover a suppressed count)`,
          'suppression-slice',
        );
        refusal.extensions.field = narrowing;
        throw refusal;
      }
      const region = access.scopeAggregate(null);
      return new ContactAttemptService(context.em).suppressedOutcomeCounts(region, (ids) => access.residentsOf(ids), suppressionThresholdFromEnv());
    }
    return new ContactAttemptService(context.em).outcomeCounts({ ...args, cityCode: scopeCity(context, args.cityCode) });
  }

  @Mutation(() => ContactAttempt, { description: '联系记录 — record one attempt to reach a transferred worker, whatever came of it.' })
  async recordContactAttempt(@Arg('input', () => RecordContactAttemptInput) input: RecordContactAttemptInput, @Ctx() context: PartnerContext) {
    const inScope = authorizeTransferWrite(context, 'contact attempts');
    return new ContactAttemptService(context.em).record(input, inScope);
  }

  @FieldResolver(() => Transfer, { nullable: true })
  transfer(@Root() attempt: ContactAttempt, @Ctx() { loaders }: PartnerContext) {
    return attempt.transferId === null ? null : loaders.transferById.load(attempt.transferId);
  }
}
