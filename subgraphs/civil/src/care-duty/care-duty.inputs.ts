import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { CareReason } from './care-duty.entity';

@InputType()
export class AddCareDutyInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => CareReason)
  reason: CareReason;

  @Field(() => String)
  caredForName: string;

  @Field(() => LocalDateScalar)
  since: string;
}

@InputType()
export class EndCareDutyInput {
  @Field(() => ID)
  careDutyId: string;

  @Field(() => LocalDateScalar)
  until: string;
}
