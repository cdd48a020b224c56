import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

/**
 * 查看完整手机号 — the full phone number of a worker transferred to the caller's city, for its own
 * staff who phone their workers. Every reveal is an access-log entry (fields `reveal:Transfer.phone`
 * and `PhoneReveal.phone`); nothing here carries the ID number.
 */
@ObjectType({ description: "查看完整手机号 — a transferred worker's full phone number, revealed to the partner city's own staff; every reveal is written to the access log." })
export class PhoneReveal {
  @Field(() => ID, { description: 'The worker (pseudonymous key).' })
  workerId: string;

  @Field(() => ID, { description: 'The transfer the number was recorded with (the latest confirmed one to your city).' })
  transferId: number;

  @Field(() => String, { nullable: true, description: '手机号 in full, as recorded with the transfer; empty when none was recorded.' })
  phone: string | null;

  @Field(() => GraphQLISODateTime)
  revealedAt: Date;

  /** The partner city of the transfer (the subject's scope), not a field. */
  cityCode: string;
}
