import { Field, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@InputType({ description: '转移就业推荐 — county staff refer a worker of their region to a partner city before the city records the transfer.' })
export class ReferForTransferInput {
  @Field(() => String, { description: '身份证号 (18 characters) of a worker of your region.' })
  idNumber: string;

  @Field(() => String, { description: 'The partner city, 4-digit code.' })
  cityCode: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the city may record the transfer on it: today to a year ahead (default 90 days).' })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: '推荐说明, up to 200 characters.' })
  note?: string | null;
}
