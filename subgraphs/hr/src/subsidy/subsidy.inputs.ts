import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { SubsidyKind } from './subsidy.entity';

@InputType({ description: '补贴发放 — record an employment subsidy paid to a registered worker.' })
export class RecordSubsidyPaymentInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => SubsidyKind)
  kind: SubsidyKind;

  @Field(() => Int, { description: 'Amount in yuan, 1 to 20000.' })
  amount: number;

  @Field(() => LocalDateScalar, { description: 'Day paid, not after today.' })
  paidOn: string;
}
