import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartnerContext } from '../context';
import { ContactAttempt, ContactOutcome } from '../contact-attempt/contact-attempt.entity';
import { FollowUpVisit } from '../follow-up/follow-up.entity';
import { Transfer } from '../transfer/transfer.entity';
import { currentTransfer, newestVisitsFirst, retained } from './worker.service';
import { Worker } from './worker.type';

@Resolver(() => Worker)
export class WorkerResolver {
  @FieldResolver(() => [Transfer], { nullable: true, description: '转移就业 to partner cities, newest first.' })
  transfers(@Root() worker: Worker, @Ctx() { loaders }: PartnerContext) {
    return loaders.transfersByWorker.load(worker.id);
  }

  @FieldResolver(() => Transfer, { nullable: true, description: 'The transfer the worker has not left yet, if any.' })
  async currentTransfer(@Root() worker: Worker, @Ctx() { loaders }: PartnerContext) {
    return currentTransfer(await loaders.transfersByWorker.load(worker.id));
  }

  @FieldResolver(() => [FollowUpVisit], { nullable: true, description: '跟踪回访 of all the worker\'s transfers, newest first.' })
  async followUpVisits(@Root() worker: Worker, @Ctx() { loaders }: PartnerContext) {
    const transfers = await loaders.transfersByWorker.load(worker.id);
    const visits = await Promise.all(transfers.map((t) => loaders.visitsByTransfer.load(t.id)));
    return newestVisitsFirst(visits.flat());
  }

  @FieldResolver(() => [ContactAttempt], { nullable: true, description: '联系记录, newest first.' })
  contactAttempts(@Root() worker: Worker, @Ctx() { loaders }: PartnerContext) {
    return loaders.attemptsByWorker.load(worker.id);
  }

  @FieldResolver(() => ContactOutcome, { nullable: true, description: 'Outcome of the latest contact attempt.' })
  async lastContactOutcome(@Root() worker: Worker, @Ctx() { loaders }: PartnerContext) {
    return (await loaders.attemptsByWorker.load(worker.id))[0]?.outcome ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '稳岗 — still employed at the last follow-up of the latest transfer; empty when not transferred or not yet visited.',
  })
  async retained(@Root() worker: Worker, @Ctx() { loaders }: PartnerContext) {
    const [latest] = await loaders.transfersByWorker.load(worker.id);
    return retained(latest ? await loaders.visitsByTransfer.load(latest.id) : null);
  }
}

export function resolveWorkerReference(reference: { id: string }): Worker {
  return { id: reference.id };
}
