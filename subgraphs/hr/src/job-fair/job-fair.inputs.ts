import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@InputType({ description: '达成意向 — record that a worker and an employer agreed on a posting at a job fair.' })
export class RecordJobFairIntentionInput {
  @Field(() => ID)
  fairId: string;

  @Field(() => String)
  idNumber: string;

  @Field(() => ID)
  postingId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the intention was reached; the fair day when left out (online fairs run on).' })
  reachedOn?: string | null;
}
