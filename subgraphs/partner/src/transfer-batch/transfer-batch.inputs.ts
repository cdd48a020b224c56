import { Field, ID, InputType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar } from '@jiuye/common';

@InputType({ description: '组织输出 — register an organised departure of workers to a partner city.' })
export class CreateTransferBatchInput {
  @Field(() => String, { description: '批次号 DC-2026-03-001: county prefix (2–6 capitals), year and month of departure, 3-digit sequence.' })
  batchNo: string;

  @Field(() => DivisionCodeScalar, { description: '4-digit code of the partner city, or the 6-digit district of it the batch goes to (kept as its destination district).' })
  cityCode: string;

  @Field(() => LocalDateScalar, { description: '出发日期; may lie ahead for a planned batch.' })
  departedOn: string;

  @Field(() => String, { description: '目的地, 2 to 100 characters.' })
  destination: string;

  @Field(() => ID, { nullable: true, description: 'The labour base or service station of the city that receives the batch.' })
  baseId?: string | null;
}
