import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@InputType({ description: '结对帮扶 — make a cadre (and their unit) responsible for a registered household.' })
export class AssignResponsibilityInput {
  @Field(() => String, { description: '户编号, 16 digits' })
  householdCode: string;

  @Field(() => ID, { description: '帮扶责任人' })
  cadreId: string;

  @Field(() => LocalDateScalar, { description: 'First day; the current responsibility, if any, ends the day before.' })
  since: string;
}
