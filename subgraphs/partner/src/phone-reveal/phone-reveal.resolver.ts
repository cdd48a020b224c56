import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badInput, forbidden, notFound } from '@jiuye/common';
import { PARTNER_CITY_FOLLOW_UP_DAYS } from '../access';
import type { PartnerContext } from '../context';
import { PhoneReveal } from './phone-reveal.type';
import { revealablePhone } from './phone-reveal.service';

const WORKER_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The access-log field that marks a reveal (beside the PhoneReveal fields the guard logs). */
export const PHONE_REVEAL_TYPE = 'reveal:Transfer';

@Resolver(() => PhoneReveal)
export class PhoneRevealResolver {
  @Mutation(() => PhoneReveal, {
    description:
      '查看完整手机号 — partner-city staff reveal the full phone of a worker transferred to their city (a confirmed transfer, open or ended within the follow-up period of ' +
      `${PARTNER_CITY_FOLLOW_UP_DAYS} days), to phone them. Logged in the access log as a reveal (reveal:Transfer.phone); never the ID number. ` +
      'A worker you do not see reads as none (NOT_FOUND on workerId).',
  })
  async revealPhone(@Arg('workerId', () => ID) workerId: string, @Ctx() context: PartnerContext): Promise<PhoneReveal> {
    const { access, identity } = context;
    access.requirePersonAccess();
    if (access.kind !== 'partner-city') {
      throw forbidden("revealPhone is for a partner city's own staff; department staff read Worker.phone with the reveal permission", 'partner-city-only');
    }
    if (!WORKER_KEY.test(workerId)) throw badInput('workerId', 'not a worker id (Worker.id)');
    // The authority's answer first, the same work for an unknown worker and one of another city.
    const visible = await access.canSee({ workerId });
    const found = visible ? await revealablePhone(context.em, workerId, identity.partnerCity!) : null;
    if (!found) throw notFound('worker', 'workerId');
    const reveal: PhoneReveal = { workerId, transferId: found.transferId, phone: found.phone, revealedAt: new Date(), cityCode: identity.partnerCity! };
    // The reveal itself is logged whatever the client selects.
    access.record({ workerId, partnerCity: reveal.cityCode }, PHONE_REVEAL_TYPE, 'phone');
    return reveal;
  }
}
