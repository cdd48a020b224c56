import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Trade } from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Certificate } from '../certificate/certificate.entity';
import { Enrolment } from '../enrolment/enrolment.entity';
import { visibleCertificates, visibleEnrolments } from '../access';
import { Worker } from './worker.type';

@Resolver(() => Worker)
export class WorkerResolver {
  @FieldResolver(() => [Enrolment], { nullable: true, description: '培训经历 — enrolments in training classes, newest first.' })
  async enrolments(@Root() worker: Worker, @Ctx() { loaders, access }: TrainingContext) {
    return visibleEnrolments(access, await loaders.enrolmentsByWorker.load(worker.id));
  }

  @FieldResolver(() => [Certificate], { nullable: true, description: '职业技能等级证书, newest first.' })
  async certificates(@Root() worker: Worker, @Ctx() { loaders, access }: TrainingContext) {
    return visibleCertificates(access, await loaders.certificatesByWorker.load(worker.id));
  }

  @FieldResolver(() => [Trade], { description: 'Distinct trades the worker holds a certificate in (hr @requires it to match job postings).' })
  async certifiedTrades(@Root() worker: Worker, @Ctx() { loaders }: TrainingContext): Promise<Trade[]> {
    return (await loaders.certifiedTradesByWorker.load(worker.id)).map((row) => row.trade);
  }
}

/** Only the id is taken from the representation: whatever else it carries was written by the caller. */
export function resolveWorkerReference(reference: { id: string }): Worker {
  return { id: reference.id };
}
