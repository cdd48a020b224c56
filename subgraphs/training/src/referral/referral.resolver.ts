import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { authorizeLinkDecision, isValidIdNumber, workerPseudonym } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { TrainingReferral } from './referral.entity';
import { ReferForTrainingInput } from './referral.inputs';
import { TrainingReferralService } from './referral.service';

@Resolver(() => TrainingReferral)
export class TrainingReferralResolver {
  @Mutation(() => TrainingReferral, {
    description:
      '培训推荐 — county staff (hr or training) refer a worker of their region to an institution (or one class); its next enrolment of that worker (before validUntil) is confirmed at once.',
  })
  async referForTraining(@Arg('input', () => ReferForTrainingInput) input: ReferForTrainingInput, @Ctx() context: TrainingContext) {
    // A malformed ID number is left to the service, which names the field; the account checks come first either way.
    const workerId = isValidIdNumber(input.idNumber) ? workerPseudonym(input.idNumber, context.config.pseudonymKey) : null;
    await authorizeLinkDecision(context.access, 'training', workerId, 'input.idNumber: the worker');
    return new TrainingReferralService(context.em, context.config.pseudonymKey).refer(input, context.identity.subject);
  }
}
