import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { AssistanceKind } from './assistance.entity';

@InputType({ description: 'Grant a subsistence allowance or special-hardship support to a household.' })
export class GrantAssistanceInput {
  @Field(() => String, { description: '户编号, 16 digits' })
  householdCode: string;

  @Field(() => AssistanceKind)
  kind: AssistanceKind;

  @Field(() => Int, { description: 'Monthly amount in yuan, 1 to 5000.' })
  monthlyAmount: number;

  @Field(() => LocalDateScalar)
  startsOn: string;
}

@InputType({ description: 'Stop paying a grant from a given day.' })
export class StopAssistanceInput {
  @Field(() => ID)
  grantId: string;

  @Field(() => LocalDateScalar, { description: 'Last day paid.' })
  endsOn: string;

  @Field(() => String, { description: 'Why it stops (e.g. 收入超标, 迁出, 死亡).' })
  reason: string;
}
