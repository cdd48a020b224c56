import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType } from '@jiuye/common';
import { authorizeNewTransfer, authorizeTransferWrite, scopeCity, transferSubject, visibleTransferPage } from '../access';
import type { PartnerContext } from '../context';
import { ContactAttempt } from '../contact-attempt/contact-attempt.entity';
import { FollowUpVisit } from '../follow-up/follow-up.entity';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { TransferBatch } from '../transfer-batch/transfer-batch.entity';
import { Worker } from '../worker/worker.type';
import { Transfer } from './transfer.entity';
import { EndTransferInput, RecordTransferInput } from './transfer.inputs';
import { TransferService } from './transfer.service';

@ObjectType()
export class TransferPage extends PageType(Transfer) {}

@ArgsType()
export class CityTransfersArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only transfers the workers have not left.' })
  onlyActive?: boolean | null;
}

@ArgsType()
class TransfersArgs extends CityTransfersArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: '4-digit code of one partner city (partner-city staff: their own, the default).' })
  cityCode?: string | null;

  @Field(() => ID, { nullable: true })
  batchId?: string | null;
}

@Resolver(() => Transfer)
export class TransferResolver {
  @Query(() => TransferPage, {
    description: '转移就业 to the partner cities, by id (partner-city staff: their own city; region staff: the workers of their region on each page).',
  })
  async transfers(@Args(() => TransfersArgs) args: TransfersArgs, @Ctx() context: PartnerContext) {
    context.access.requirePersonAccess();
    const page = await new TransferService(context.em, context.config.pseudonymKey).list({ ...args, cityCode: scopeCity(context, args.cityCode) });
    return visibleTransferPage(context, page);
  }

  @Mutation(() => Transfer, { description: '转移就业登记 — a worker of a batch started a job in the partner city.' })
  async recordTransfer(@Arg('input', () => RecordTransferInput) input: RecordTransferInput, @Ctx() context: PartnerContext) {
    await authorizeNewTransfer(context, input.batchId, input.idNumber, 'transfers');
    return new TransferService(context.em, context.config.pseudonymKey).record(input, (open) => context.access.canSee(transferSubject(open)));
  }

  @Mutation(() => Transfer, { description: '离岗 — the worker left the job of a transfer.' })
  async endTransfer(@Arg('input', () => EndTransferInput) input: EndTransferInput, @Ctx() context: PartnerContext) {
    const inScope = authorizeTransferWrite(context, 'transfers');
    return new TransferService(context.em, context.config.pseudonymKey).end(input, inScope);
  }

  @FieldResolver(() => Worker)
  worker(@Root() transfer: Transfer): Worker {
    return { id: transfer.workerId };
  }

  @FieldResolver(() => TransferBatch)
  batch(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.batchById.load(transfer.batchId);
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(transfer.cityCode);
  }

  @FieldResolver(() => [FollowUpVisit], { description: '跟踪回访, newest first.' })
  followUpVisits(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.visitsByTransfer.load(transfer.id);
  }

  @FieldResolver(() => [ContactAttempt], { description: '联系记录, newest first.' })
  contactAttempts(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.attemptsByTransfer.load(transfer.id);
  }
}
