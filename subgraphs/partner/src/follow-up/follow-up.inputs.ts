import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { ContactAttemptEntry } from '../contact-attempt/contact-attempt.inputs';

@InputType({ description: '跟踪回访 — what a follow-up found, with every contact attempt it took.' })
export class RecordFollowUpVisitInput {
  @Field(() => ID)
  transferId: string;

  @Field(() => LocalDateScalar, { description: 'Not before the worker started, not in the future.' })
  visitedOn: string;

  @Field(() => Boolean, { description: 'Still employed in the job of the transfer. false ends an open transfer on visitedOn.' })
  stillEmployed: boolean;

  @Field(() => Int, { nullable: true, description: '月工资 (yuan, 1 to 100000); only when still employed.' })
  monthlyWage?: number | null;

  @Field(() => Boolean, { description: '劳动维权 case raised.' })
  rightsCase: boolean;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' })
  note?: string | null;

  @Field(() => [ContactAttemptEntry], {
    defaultValue: [],
    description:
      'The contact attempts this visit took, all on or before visitedOn; when given, at least one must have reached the worker and the last one that did must agree with stillEmployed.',
  })
  contactAttempts: ContactAttemptEntry[];
}
