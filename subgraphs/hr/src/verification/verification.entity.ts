import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar } from '@jiuye/common';

export const VerificationOutcomeVocabulary = defineVocabulary('VerificationOutcome', '核实结果 — outcome of the monthly verification of a registry record', {
  CONFIRMED: '核实无误',
  CORRECTED: '已更正',
  MOVED_AWAY: '已迁出',
  DECEASED: '已死亡',
  NOT_REACHED: '未能核实',
});
export const VerificationOutcome = VerificationOutcomeVocabulary.enumObject;
export type VerificationOutcome = keyof typeof VerificationOutcome;

/** The column's length: the staff account's subject id (Identity.subject) is stored as is. */
/** As long as the longest staff account id a token may carry (common/src/auth/identity.ts: sub ≤ 128). */
export const VERIFIED_BY_LENGTH = 128;
export const NOTE_LENGTH = 500;

/**
 * 月动态核实 — one verification of a worker's registry record by a staff member. A worker is
 * verified every month; a second verification in the same month is a new row. The worker's
 * verified_on keeps the latest day verified.
 */
@ObjectType({ description: "月动态核实记录 — one monthly verification of a worker's registry record." })
@Entity({ tableName: 'record_verification' })
@Index({ properties: ['workerId', 'verifiedOn'] })
export class RecordVerification {
  [OptionalProps]?: 'note' | 'recordedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 32 })
  workerId: string;

  @Field(() => LocalDateScalar, { description: '核实日期 — the day the record was verified.' })
  @Property({ type: 'date' })
  verifiedOn: string;

  /** The verifying staff account (Identity.subject); shown to region staff only (see the resolver). */
  @Property({ type: 'string', length: VERIFIED_BY_LENGTH })
  verifiedBy: string;

  @Field(() => VerificationOutcome)
  @Enum({ items: () => VerificationOutcome })
  outcome: VerificationOutcome;

  @Field(() => String, { nullable: true, description: '备注 — what was found or corrected, up to 500 characters.' })
  @Property({ type: 'string', length: NOTE_LENGTH, nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
