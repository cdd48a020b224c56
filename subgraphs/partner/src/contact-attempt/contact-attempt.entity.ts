import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { defineVocabulary } from '@jiuye/common';

export const ContactChannelVocabulary = defineVocabulary('ContactChannel', '联系方式 — how a worker was contacted', {
  PHONE: '电话',
  VISIT: '走访',
  WECHAT: '微信',
});
export const ContactChannel = ContactChannelVocabulary.enumObject;
export type ContactChannel = keyof typeof ContactChannel;

export const ContactOutcomeVocabulary = defineVocabulary('ContactOutcome', '联系结果 — outcome of one attempt to reach a transferred worker', {
  REACHED_WORKING: '联系上且在岗',
  REACHED_NOT_WORKING: '联系上未就业',
  INVALID_NUMBER: '空号停机错号',
  NO_ANSWER: '无人接听',
  REFUSED: '拒接挂断',
  NO_COMMON_LANGUAGE: '语言不通',
  WRONG_PERSON: '非本人',
  NOT_IN_CITY: '不在本市',
});
export const ContactOutcome = ContactOutcomeVocabulary.enumObject;
export type ContactOutcome = keyof typeof ContactOutcome;
export const CONTACT_OUTCOME_LABELS = ContactOutcomeVocabulary.labels;
export const CONTACT_OUTCOMES = ContactOutcomeVocabulary.values;

/** Outcomes of an attempt that actually reached the worker. */
export const REACHED_OUTCOMES: readonly ContactOutcome[] = ['REACHED_WORKING', 'REACHED_NOT_WORKING'];

@ObjectType({ description: '联系记录 — one attempt to reach a worker and its outcome (phone lists are often wrong: keep every attempt).' })
@Entity({ tableName: 'contact_attempt' })
@Index({ properties: ['workerId', 'attemptedAt'] })
export class ContactAttempt {
  [OptionalProps]?: 'transferId' | 'followUpVisitId' | 'note' | 'recordedAt' | 'cityCode';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer', nullable: true })
  @Index()
  transferId: number | null = null;

  /** The follow-up visit this attempt was part of, if any. */
  @Property({ type: 'integer', nullable: true })
  @Index()
  followUpVisitId: number | null = null;

  @Property({ type: 'string', length: 32 })
  workerId: string;

  @Field(() => GraphQLISODateTime, { description: '联系时间' })
  @Property({ type: 'datetime' })
  @Index()
  attemptedAt: Date;

  @Field(() => ContactChannel)
  @Enum({ items: () => ContactChannel })
  channel: ContactChannel;

  @Field(() => ContactOutcome)
  @Enum({ items: () => ContactOutcome })
  outcome: ContactOutcome;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  /**
   * The city of the attempt's transfer (empty when the attempt is on no transfer), selected with
   * every attempt (a subquery on the transfer's primary key, no column and no extra statement):
   * access control decides on it (access.ts). Not persisted; the service sets it on an attempt it creates.
   */
  @Property({
    type: 'string',
    nullable: true,
    formula: (table) => `(select attempt_transfer.city_code from transfer attempt_transfer where attempt_transfer.id = ${table}.transfer_id)`,
  })
  cityCode?: string | null;
}
