import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { ContactChannel, ContactOutcome } from './contact-attempt.entity';

@InputType({ description: 'One attempt to reach a worker, as part of a follow-up visit.' })
export class ContactAttemptEntry {
  @Field(() => GraphQLISODateTime, { description: 'When (ISO 8601 with offset, e.g. 2026-03-05T10:23:00+08:00); not in the future.' })
  attemptedAt: Date;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field(() => ContactOutcome)
  outcome: ContactOutcome;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' })
  note?: string | null;
}

@InputType({ description: '联系记录 — record one attempt to reach a transferred worker, whatever its outcome.' })
export class RecordContactAttemptInput extends ContactAttemptEntry {
  @Field(() => ID)
  transferId: string;
}
