import { Field, InputType } from 'type-graphql';
import { LocalDateScalar, PovertyStatus } from '@jiuye/common';

@InputType({ description: '贫困状态变更 — record a new poverty status of a registered household (标注脱贫, 返贫, 纳入监测…).' })
export class ChangePovertyStatusInput {
  @Field(() => String, { description: '户编号, 16 digits' })
  householdCode: string;

  @Field(() => PovertyStatus, { description: 'The new status; must differ from the current one.' })
  status: PovertyStatus;

  @Field(() => LocalDateScalar, { description: 'Not before the last change, not in the future.' })
  effectiveOn: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters.' })
  reason: string;
}
