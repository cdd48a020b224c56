import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export const ContactChannel = { PHONE: 'PHONE', VISIT: 'VISIT', WECHAT: 'WECHAT' } as const;
export type ContactChannel = keyof typeof ContactChannel;
registerEnumType(ContactChannel, {
  name: 'ContactChannel',
  description: '联系方式 — how a worker was contacted',
  valuesConfig: { PHONE: { description: '电话' }, VISIT: { description: '走访' }, WECHAT: { description: '微信' } },
});

export const CONTACT_OUTCOME_LABELS = {
  REACHED_WORKING: '联系上且在岗',
  REACHED_NOT_WORKING: '联系上未就业',
  INVALID_NUMBER: '空号停机错号',
  NO_ANSWER: '无人接听',
  REFUSED: '拒接挂断',
  NO_COMMON_LANGUAGE: '语言不通',
  WRONG_PERSON: '非本人',
  NOT_IN_CITY: '不在本市',
} as const;
export type ContactOutcome = keyof typeof CONTACT_OUTCOME_LABELS;
export const ContactOutcome = Object.fromEntries(Object.keys(CONTACT_OUTCOME_LABELS).map((k) => [k, k])) as { [K in ContactOutcome]: K };
export const CONTACT_OUTCOMES = Object.keys(CONTACT_OUTCOME_LABELS) as ContactOutcome[];
registerEnumType(ContactOutcome, {
  name: 'ContactOutcome',
  description: '联系结果 — outcome of one attempt to reach a transferred worker',
  valuesConfig: Object.fromEntries(CONTACT_OUTCOMES.map((o) => [o, { description: CONTACT_OUTCOME_LABELS[o] }])) as never,
});

/** Outcomes of an attempt that actually reached the worker. */
export const REACHED_OUTCOMES: readonly ContactOutcome[] = ['REACHED_WORKING', 'REACHED_NOT_WORKING'];

@ObjectType({ description: '联系记录 — one attempt to reach a worker and its outcome (phone lists are often wrong: keep every attempt).' })
@Entity({ tableName: 'contact_attempt' })
@Index({ properties: ['workerId', 'attemptedAt'] })
export class ContactAttempt {
  [OptionalProps]?: 'transferId' | 'followUpVisitId' | 'note' | 'recordedAt';

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
}
