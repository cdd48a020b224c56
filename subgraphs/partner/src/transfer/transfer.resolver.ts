import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { authorizeLinkRowDecision, DivisionCodeScalar, requireLinkDecider, LinkConfirmation, LocalDateScalar, PageArgs, PageType, parseRowId, todayInChina } from '@jiuye/common';
import { authorizeNewTransfer, authorizeSelfOrganisedTransfer, authorizeTransferWrite, scopeCity, transferSubject, visibleTransferPage } from '../access';
import type { PartnerContext } from '../context';
import { ContactAttempt } from '../contact-attempt/contact-attempt.entity';
import { FollowUpVisit } from '../follow-up/follow-up.entity';
import { FOLLOW_UP_INTERVAL_DAYS, FollowUpDueFilter, followUpDueOn } from '../follow-up/follow-up.rhythm';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { TransferBatch } from '../transfer-batch/transfer-batch.entity';
import { Worker } from '../worker/worker.type';
import { Transfer } from './transfer.entity';
import { DecideTransferInput, EndTransferInput, RecordSelfOrganisedTransferInput, RecordTransferInput } from './transfer.inputs';
import { TransferService } from './transfer.service';

@ObjectType()
export class TransferPage extends PageType(Transfer) {}

@ArgsType()
export class CityTransfersArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only transfers the workers have not left.' })
  onlyActive?: boolean | null;

  @Field(() => FollowUpDueFilter, {
    nullable: true,
    description:
      'Only open transfers whose follow-up is DUE (today or earlier: followUpDue) or OVERDUE (before today: TRANSFER_NO_FOLLOW_UP), over the whole list, keyset paged by id.',
  })
  followUpDue?: FollowUpDueFilter | null;
}

@ArgsType()
class TransfersArgs extends CityTransfersArgs {
  @Field(() => DivisionCodeScalar, { nullable: true, description: '4-digit code of one partner city (partner-city staff: their own, the default).' })
  cityCode?: string | null;

  @Field(() => ID, { nullable: true })
  batchId?: string | null;

  @Field(() => LinkConfirmation, {
    nullable: true,
    description: "Only transfers in this state: PENDING is the county's worklist of partner-city claims to confirm (region staff: those of workers of their region).",
  })
  confirmation?: LinkConfirmation | null;
}

/** After a write in this request changed what places the worker: answer the fields from the new rows. */
function forgetWorker(context: PartnerContext, workerId: string): void {
  context.loaders.transfersByWorker.clear(workerId);
  context.access.forget(workerId);
}

/**
 * Before confirmTransfer / rejectTransfer: county staff (hr or partner officers) whose region
 * holds the transferred worker. A malformed id is left to the service (BAD_USER_INPUT); an
 * unknown one and another region's answer alike, NOT_FOUND.
 */
async function authorizeTransferDecision(context: PartnerContext, transferId: string): Promise<void> {
  const id = parseRowId(transferId);
  if (id === null) return requireLinkDecider(context.access, 'partner', 'input.transferId: the transfer');
  const [transfer] = await context.em.getConnection().execute<{ worker_id: string }[]>('select worker_id from transfer where id = ?', [id]);
  await authorizeLinkRowDecision(context.access, 'partner', transfer?.worker_id ?? null, 'transfer', 'input.transferId');
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
    const confirmed = await authorizeNewTransfer(context, input.batchId, input.idNumber, 'transfers');
    const transfer = await new TransferService(context.em, context.config.pseudonymKey).record(input, confirmed, (open) => context.access.canSee(transferSubject(open)));
    forgetWorker(context, transfer.workerId);
    return transfer;
  }

  @Mutation(() => Transfer, {
    description:
      '自发外出登记 — a worker who went to the partner city on their own (no batch) started a job there: partner-city staff for their own city, the county office for workers of its region. ' +
      "Checked as recordTransfer (ID number, one open transfer per worker); a city's record of a worker it does not see yet is PENDING until the county confirms it.",
  })
  async recordSelfOrganisedTransfer(@Arg('input', () => RecordSelfOrganisedTransferInput) input: RecordSelfOrganisedTransferInput, @Ctx() context: PartnerContext) {
    const { place, confirmed } = await authorizeSelfOrganisedTransfer(context, input.cityCode, input.idNumber, 'transfers');
    const transfer = await new TransferService(context.em, context.config.pseudonymKey).recordSelfOrganised(input, place, confirmed, (open) =>
      context.access.canSee(transferSubject(open)),
    );
    forgetWorker(context, transfer.workerId);
    return transfer;
  }

  @Mutation(() => Transfer, {
    description: "核实确认 — county staff (hr or partner) of the worker's region confirm a transfer a partner city recorded on its own; from then on the city sees the worker.",
  })
  async confirmTransfer(@Arg('input', () => DecideTransferInput) input: DecideTransferInput, @Ctx() context: PartnerContext) {
    await authorizeTransferDecision(context, input.transferId);
    const transfer = await new TransferService(context.em, context.config.pseudonymKey).decide(input, 'CONFIRMED', context.identity.subject);
    forgetWorker(context, transfer.workerId);
    return transfer;
  }

  @Mutation(() => Transfer, {
    description:
      "核实驳回 — county staff (hr or partner) of the worker's region reject a transfer a partner city recorded on its own (reason required); the city never sees the worker through it.",
  })
  async rejectTransfer(@Arg('input', () => DecideTransferInput) input: DecideTransferInput, @Ctx() context: PartnerContext) {
    await authorizeTransferDecision(context, input.transferId);
    const transfer = await new TransferService(context.em, context.config.pseudonymKey).decide(input, 'REJECTED', context.identity.subject);
    forgetWorker(context, transfer.workerId);
    return transfer;
  }

  @Mutation(() => Transfer, { description: '离岗 — the worker left the job of a transfer.' })
  async endTransfer(@Arg('input', () => EndTransferInput) input: EndTransferInput, @Ctx() context: PartnerContext) {
    const inScope = authorizeTransferWrite(context, 'transfers');
    return new TransferService(context.em, context.config.pseudonymKey).end(input, inScope);
  }

  @FieldResolver(() => Worker, {
    nullable: true,
    description: "The transferred worker; empty when you cannot see them — a partner city's own pending transfer, until the county confirms it.",
  })
  async worker(@Root() transfer: Transfer, @Ctx() { access }: PartnerContext): Promise<Worker | null> {
    // Hole 7: the row is the city's own, the worker is not (yet): one batched authority question per request.
    return (await access.canSee({ workerId: transfer.workerId })) ? { id: transfer.workerId } : null;
  }

  @FieldResolver(() => TransferBatch, { nullable: true, description: '组织输出批次; empty for a worker who went on their own (selfOrganised).' })
  batch(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return transfer.batchId === null ? null : loaders.batchById.load(transfer.batchId);
  }

  @FieldResolver(() => PartnerCity)
  city(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.cityByCode.load(transfer.cityCode);
  }

  @FieldResolver(() => [FollowUpVisit], { description: '跟踪回访, newest first.' })
  followUpVisits(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.visitsByTransfer.load(transfer.id);
  }

  @FieldResolver(() => FollowUpVisit, { nullable: true, description: '最近一次跟踪回访 — the latest visit (the first of followUpVisits), for lists: one object, not a list.' })
  async lastFollowUpVisit(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext): Promise<FollowUpVisit | null> {
    return (await loaders.visitsByTransfer.load(transfer.id))[0] ?? null;
  }

  @FieldResolver(() => ContactAttempt, {
    nullable: true,
    description: '最近一次联系 — the latest contact attempt (the first of contactAttempts), for lists: one object, not a list.',
  })
  async lastContactAttempt(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext): Promise<ContactAttempt | null> {
    return (await loaders.attemptsByTransfer.load(transfer.id))[0] ?? null;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: `下次回访日期 — the next follow-up is due on this day: ${FOLLOW_UP_INTERVAL_DAYS} days after the last visit, or after the first working day when there was none; empty once the worker left the job.`,
  })
  async followUpDueOn(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext): Promise<string | null> {
    if (!transfer.active) return null;
    const [latest] = await loaders.visitsByTransfer.load(transfer.id);
    return followUpDueOn(transfer, latest?.visitedOn ?? null);
  }

  @FieldResolver(() => Boolean, { description: '待回访 — the job is open and its next follow-up is due today or overdue (followUpDueOn is today or earlier, China time).' })
  async followUpDue(@Root() transfer: Transfer, @Ctx() context: PartnerContext): Promise<boolean> {
    const dueOn = await this.followUpDueOn(transfer, context);
    return dueOn !== null && dueOn <= todayInChina();
  }

  @FieldResolver(() => [ContactAttempt], { description: '联系记录, newest first.' })
  contactAttempts(@Root() transfer: Transfer, @Ctx() { loaders }: PartnerContext) {
    return loaders.attemptsByTransfer.load(transfer.id);
  }
}
