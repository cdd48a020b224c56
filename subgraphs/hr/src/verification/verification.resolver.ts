import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { forbidden } from '@jiuye/common';
import type { HrContext } from '../context';
import { authorizeVerification } from '../access';
import { Worker } from '../worker/worker.type';
import { RecordVerification } from './verification.entity';
import { RecordVerificationInput } from './verification.inputs';
import { checkVerificationCount, DEFAULT_VERIFICATIONS, MAX_VERIFICATIONS, VerificationService } from './verification.service';

@Resolver(() => RecordVerification)
export class VerificationResolver {
  @FieldResolver(() => Worker)
  worker(@Root() verification: RecordVerification): Worker {
    return { id: verification.workerId };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "核实人 — the staff account that verified (a staff identifier, not the worker's data); shown to department staff of a region only.",
  })
  verifiedBy(@Root() verification: RecordVerification, @Ctx() { access }: HrContext): string {
    if (access.kind !== 'region') {
      throw forbidden('RecordVerification.verifiedBy: the verifying staff account is shown to department staff of a region only', 'field-staff');
    }
    return verification.verifiedBy;
  }

  @Mutation(() => RecordVerification, {
    description:
      "月动态核实 — record a verification of a registered worker's record; the worker's verifiedOn moves forward to its day. " +
      'hr officers and village assistants, for workers of their own region.',
  })
  async recordVerification(@Arg('input', () => RecordVerificationInput) input: RecordVerificationInput, @Ctx() context: HrContext) {
    const inScope = authorizeVerification(context);
    const { verification, worker } = await new VerificationService(context.em, context.config.pseudonymKey, inScope).record(input, context.access.identity.subject);
    context.loaders.workerById.clear(worker.id).prime(worker.id, worker);
    context.loaders.verificationsByWorker.clearAll();
    return verification;
  }
}

/** Worker.verifications: the registry's own field, kept beside the verifications. */
@Resolver(() => Worker)
export class WorkerVerificationsResolver {
  @FieldResolver(() => [RecordVerification], { description: "月动态核实 — verifications of the worker's record, newest first." })
  verifications(
    @Root() worker: Worker,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_VERIFICATIONS, description: `At most this many, 1 to ${MAX_VERIFICATIONS}.` })
    first: number | null,
    @Ctx() { loaders }: HrContext,
  ): Promise<RecordVerification[]> {
    return loaders.verificationsByWorker.load(worker.id, checkVerificationCount(first));
  }
}
