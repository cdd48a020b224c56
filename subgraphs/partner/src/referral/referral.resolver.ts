import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { authorizeLinkDecision, isValidIdNumber, workerPseudonym } from '@jiuye/common';
import type { PartnerContext } from '../context';
import { TransferReferral } from './referral.entity';
import { ReferForTransferInput } from './referral.inputs';
import { TransferReferralService } from './referral.service';

@Resolver(() => TransferReferral)
export class TransferReferralResolver {
  @Mutation(() => TransferReferral, {
    description:
      "转移就业推荐 — county staff (hr or partner) refer a worker of their region to a partner city; the city's next transfer of that worker (before validUntil) is confirmed at once.",
  })
  async referForTransfer(@Arg('input', () => ReferForTransferInput) input: ReferForTransferInput, @Ctx() context: PartnerContext) {
    // A malformed ID number is left to the service, which names the field; the account checks come first either way.
    const workerId = isValidIdNumber(input.idNumber) ? workerPseudonym(input.idNumber, context.config.pseudonymKey) : null;
    await authorizeLinkDecision(context.access, 'partner', workerId, 'input.idNumber: the worker');
    return new TransferReferralService(context.em, context.config.pseudonymKey).refer(input, context.identity.subject);
  }
}
