import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { authorizeTransferWrite } from '../access';
import type { PartnerContext } from '../context';
import { ContactAttempt } from '../contact-attempt/contact-attempt.entity';
import { Transfer } from '../transfer/transfer.entity';
import { FollowUpVisit } from './follow-up.entity';
import { RecordFollowUpVisitInput } from './follow-up.inputs';
import { FollowUpService } from './follow-up.service';

@Resolver(() => FollowUpVisit)
export class FollowUpResolver {
  @Mutation(() => FollowUpVisit, { description: '跟踪回访 — record a follow-up and all its contact attempts at once.' })
  async recordFollowUpVisit(@Arg('input', () => RecordFollowUpVisitInput) input: RecordFollowUpVisitInput, @Ctx() context: PartnerContext) {
    const inScope = authorizeTransferWrite(context, 'follow-up visits');
    return new FollowUpService(context.em).record(input, inScope);
  }

  @FieldResolver(() => Transfer)
  transfer(@Root() visit: FollowUpVisit, @Ctx() { loaders }: PartnerContext) {
    return loaders.transferById.load(visit.transferId);
  }

  @FieldResolver(() => [ContactAttempt], { description: 'The attempts this visit took, newest first.' })
  contactAttempts(@Root() visit: FollowUpVisit, @Ctx() { loaders }: PartnerContext) {
    return loaders.attemptsByVisit.load(visit.id);
  }
}
