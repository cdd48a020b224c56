import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { todayInChina, type Trade } from '@jiuye/common';
import { partnerAccess, scopeCity, visibleRows, visibleTransfers } from '../access';
import type { PartnerContext } from '../context';
import { ContactAttempt, ContactOutcome } from '../contact-attempt/contact-attempt.entity';
import { FollowUpVisit } from '../follow-up/follow-up.entity';
import { PartnerJobPosting } from '../job-posting/job-posting.entity';
import { checkSuitableCount, suitableKey } from '../job-posting/job-posting.matching';
import { Transfer } from '../transfer/transfer.entity';
import { currentTransfer, newestVisitsFirst, retained } from './worker.service';
import { Worker } from './worker.type';

/**
 * A worker's transfers, visits and attempts, as far as the caller may see them: partner-city
 * staff only those of their own city (a worker may have gone to several), region staff all of a
 * worker of their region. The figures (current transfer, last outcome, retained) are computed
 * from what the caller sees.
 */
@Resolver(() => Worker)
export class WorkerResolver {
  @FieldResolver(() => [Transfer], { nullable: true, description: '转移就业 to partner cities, newest first.' })
  async transfers(@Root() worker: Worker, @Ctx() context: PartnerContext) {
    return visibleTransfers(context, await context.loaders.transfersByWorker.load(worker.id));
  }

  @FieldResolver(() => Transfer, { nullable: true, description: 'The transfer the worker has not left yet, if any.' })
  async currentTransfer(@Root() worker: Worker, @Ctx() context: PartnerContext) {
    return currentTransfer(await this.transfers(worker, context));
  }

  @FieldResolver(() => [FollowUpVisit], { nullable: true, description: "跟踪回访 of all the worker's transfers, newest first." })
  async followUpVisits(@Root() worker: Worker, @Ctx() context: PartnerContext) {
    const transfers = await this.transfers(worker, context);
    const visits = await Promise.all(transfers.map((t) => context.loaders.visitsByTransfer.load(t.id)));
    return newestVisitsFirst(visits.flat());
  }

  @FieldResolver(() => [ContactAttempt], { nullable: true, description: '联系记录, newest first.' })
  async contactAttempts(@Root() worker: Worker, @Ctx() context: PartnerContext) {
    return visibleRows(context, await context.loaders.attemptsByWorker.load(worker.id), partnerAccess.subjects.ContactAttempt);
  }

  @FieldResolver(() => ContactOutcome, { nullable: true, description: 'Outcome of the latest contact attempt.' })
  async lastContactOutcome(@Root() worker: Worker, @Ctx() context: PartnerContext) {
    return (await this.contactAttempts(worker, context))[0]?.outcome ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '稳岗 — still employed at the last follow-up of the latest transfer; empty when not transferred or not yet visited.',
  })
  async retained(@Root() worker: Worker, @Ctx() context: PartnerContext) {
    const [latest] = (await this.transfers(worker, context)).filter((t) => t.confirmation === 'CONFIRMED');
    return retained(latest ? await context.loaders.visitsByTransfer.load(latest.id) : null);
  }

  @FieldResolver(() => [PartnerJobPosting], {
    nullable: true,
    description:
      "人岗匹配, the partner cities' side (beside hr's suitableJobPostings) — pushed postings open today that ask for no trade (低门槛) or a trade " +
      'the worker holds a certificate in (certifiedTrades, from training); none when care duties or a disability keep the worker near home ' +
      "(staysNearHome, from civil affairs): a pushed job is in the partner city. Best paid first; partner-city staff see their own city's.",
  })
  @Directive('@requires(fields: "staysNearHome certifiedTrades")')
  suitablePartnerJobPostings(
    @Root() worker: Worker,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most this many, 1 to 100.' }) first: number | null,
    @Ctx() context: PartnerContext,
  ) {
    const limit = checkSuitableCount(first ?? 20);
    return context.loaders.suitablePartnerPostings(suitableKey(todayInChina(), worker, limit, scopeCity(context, null)));
  }
}

/** The gateway's representation carries the @requires fields: keep them, add nothing else. */
export function resolveWorkerReference(reference: { id: string; staysNearHome?: boolean; certifiedTrades?: Trade[] }): Worker {
  return { id: reference.id, staysNearHome: reference.staysNearHome, certifiedTrades: reference.certifiedTrades };
}
