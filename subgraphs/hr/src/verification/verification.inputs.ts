import { Field, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { VerificationOutcome } from './verification.entity';

@InputType({ description: "月动态核实 — record that a registered worker's record was verified." })
export class RecordVerificationInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Day verified: today (China time) when left out; not after today, not before the month the worker was registered.',
  })
  verifiedOn?: string | null;

  @Field(() => VerificationOutcome)
  outcome: VerificationOutcome;

  @Field(() => String, { nullable: true, description: 'What was found or corrected, up to 500 characters; empty means none.' })
  note?: string | null;
}
