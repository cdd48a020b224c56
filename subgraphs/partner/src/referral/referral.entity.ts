import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

/** Days a referral stays open when the county names no end. */
export const DEFAULT_REFERRAL_DAYS = 90;
/** The longest a referral may stay open. */
export const MAX_REFERRAL_DAYS = 366;

/**
 * 转移就业推荐 — the county's evidence, issued before the fact, that a worker of its region is
 * sent to a partner city (hole 7): while it is open, the city's transfer of that worker is
 * confirmed at once (and uses the referral up). Written by county staff (hr or partner) whose
 * region holds the worker. It is kept beside the transfers it authorises so that recordTransfer
 * checks it in its own transaction; it carries the worker only as the pseudonym and ID number,
 * and the graph shows neither.
 */
@ObjectType({ description: "转移就业推荐 — the county referred a worker of its region to a partner city; the city's transfer of that worker is then confirmed at once." })
@Entity({ tableName: 'transfer_referral' })
@Index({ properties: ['workerId', 'cityCode'] })
export class TransferReferral {
  [OptionalProps]?: 'transferId' | 'issuedAt' | 'note' | 'used';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 32 })
  workerId: string;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  idNumber: string;

  @Field(() => String, { description: 'The partner city (4-digit code) the worker is referred to.' })
  @Property({ type: 'string', length: 4 })
  cityCode: string;

  @Field(() => LocalDateScalar, { description: 'Last day the city may record the transfer on this referral.' })
  @Property({ type: 'date' })
  validUntil: string;

  @Field(() => String, { nullable: true, description: '推荐说明' })
  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  /** The county staff account that issued it. */
  @Property({ type: 'string', length: 128 })
  issuedBy: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  issuedAt: Date = new Date();

  /** The transfer that used the referral up; empty while it is open. */
  @Property({ type: 'integer', nullable: true })
  transferId: number | null = null;

  @Field(() => Boolean, { description: 'A transfer was recorded on this referral.' })
  get used(): boolean {
    return this.transferId !== null;
  }
}
