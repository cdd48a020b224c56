import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrContext } from '../context';
import { Worker } from '../worker/worker.type';
import { SubsidyPayment } from './subsidy.entity';
import { RecordSubsidyPaymentInput } from './subsidy.inputs';
import { SubsidyService } from './subsidy.service';
import { authorizeWorkerWrite } from '../access';

@Resolver(() => SubsidyPayment)
export class SubsidyResolver {
  @FieldResolver(() => Worker)
  worker(@Root() payment: SubsidyPayment): Worker {
    return { id: payment.workerId };
  }

  @Mutation(() => SubsidyPayment, { description: '补贴发放 — record an employment subsidy paid to a registered worker.' })
  async recordSubsidyPayment(@Arg('input', () => RecordSubsidyPaymentInput) input: RecordSubsidyPaymentInput, @Ctx() context: HrContext) {
    const inScope = authorizeWorkerWrite(context, 'subsidy payments');
    return new SubsidyService(context.em, context.config.pseudonymKey, inScope).record(input);
  }
}
