import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LinkConfirmation, LocalDateScalar, maskPhone } from '@jiuye/common';

export const OPEN_TRANSFER_INDEX = 'transfer_one_open_per_worker';

@ObjectType({ description: "转移就业 — one worker's organised transfer to a job in a partner city." })
@Entity({ tableName: 'transfer' })
@Index({ properties: ['cityCode', 'id'] })
@Index({ properties: ['workerId', 'startedOn'] })
// A worker holds at most one open confirmed transfer; the partial unique index settles
// concurrent recordTransfer / confirmTransfer calls that both passed the service's check. A
// pending transfer (a partner city's claim the county has not confirmed) does not count: it
// must neither block the county's own record nor tell the city that one exists.
@Unique({
  name: OPEN_TRANSFER_INDEX,
  expression: `create unique index "${OPEN_TRANSFER_INDEX}" on "transfer" ("worker_id") where "ended_on" is null and "confirmation" = 'CONFIRMED'`,
})
export class Transfer {
  [OptionalProps]?:
    | 'batchId'
    | 'destinationDistrict'
    | 'selfOrganised'
    | 'phone'
    | 'endedOn'
    | 'endReason'
    | 'recordedAt'
    | 'active'
    | 'phoneMasked'
    | 'confirmation'
    | 'decidedBy'
    | 'decidedAt'
    | 'decisionNote';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  /** The organised departure (组织输出批次); empty for a worker who went on their own (自发外出). */
  @Property({ type: 'integer', nullable: true })
  @Index()
  batchId: number | null = null;

  /** Worker pseudonym (the federated Worker key). */
  @Property({ type: 'string', length: 32 })
  workerId: string;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  @Index()
  idNumber: string;

  /**
   * Mobile number as recorded; only phoneMasked is exposed. recordTransfer accepts only
   * well-formed numbers, but numbers of earlier lists (the demo seed) are kept as they were
   * recorded, malformed or not: the contact attempts on them are the data-quality evidence.
   */
  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  /** Denormalised from the batch: partner-city staff list their city's transfers. */
  @Property({ type: 'string', length: 4 })
  cityCode: string;

  @Field(() => String, { nullable: true, description: '目的地区县 — the 6-digit district of the city the worker went to, when known (the city stays the scope).' })
  @Property({ type: 'string', length: 6, nullable: true })
  destinationDistrict: string | null = null;

  @Field(() => String, { description: '用工单位' })
  @Property({ type: 'string', length: 100 })
  employerName: string;

  @Field(() => String, { description: '岗位/工种' })
  @Property({ type: 'string', length: 60 })
  jobTitle: string;

  @Field(() => LocalDateScalar, { description: '上岗日期 — first working day.' })
  @Property({ type: 'date' })
  startedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '离岗日期; empty while the worker holds the job.' })
  @Property({ type: 'date', nullable: true })
  @Index()
  endedOn: string | null = null;

  @Field(() => String, { nullable: true, description: '离岗原因' })
  @Property({ type: 'string', length: 200, nullable: true })
  endReason: string | null = null;

  @Field(() => Boolean, { description: '一次性交通补助 — the one-way fare was reimbursed.' })
  @Property({ type: 'boolean' })
  fareReimbursed: boolean;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  /**
   * Whether the county stands behind the transfer (hole 7): a partner city's transfer of a worker
   * it could not see yet is PENDING until county staff of the worker's region confirm it; only
   * CONFIRMED transfers make the worker visible to the city (access.ts, partnerAuthority).
   */
  @Field(() => LinkConfirmation, { description: "核实状态: PENDING until county staff of the worker's region confirm a transfer a partner city recorded on its own." })
  @Enum({ items: () => LinkConfirmation })
  @Index()
  confirmation: LinkConfirmation = LinkConfirmation.PENDING;

  /** The county staff account that confirmed or rejected the transfer; empty for the county's own records. */
  @Property({ type: 'string', length: 128, nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "核实说明 — the county's reason for rejecting, or its note on confirming." })
  @Property({ type: 'string', length: 200, nullable: true })
  decisionNote: string | null = null;

  @Field(() => Boolean, { description: '自发外出 — the worker went on their own, without an organised batch (batch empty).' })
  get selfOrganised(): boolean {
    return this.batchId === null;
  }

  @Field(() => Boolean, { description: 'Open: the worker has not left this job (endedOn empty).' })
  get active(): boolean {
    return this.endedOn === null;
  }

  @Field(() => String, { nullable: true, description: '联系电话 (masked, 138****5678).' })
  get phoneMasked(): string | null {
    return maskPhone(this.phone);
  }
}
