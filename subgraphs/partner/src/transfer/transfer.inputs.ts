import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@InputType({ description: '转移就业登记 — record that a worker of a batch started a job in the partner city.' })
export class RecordTransferInput {
  @Field(() => ID)
  batchId: string;

  @Field(() => String, { description: '身份证号 (18 characters); kept by the partner subgraph for matching, never shown.' })
  idNumber: string;

  @Field(() => String, { nullable: true, description: '手机号, 11 digits starting with 1.' })
  phone?: string | null;

  @Field(() => String, { description: '用工单位, 2 to 100 characters.' })
  employerName: string;

  @Field(() => String, { description: '岗位/工种, 1 to 60 characters.' })
  jobTitle: string;

  @Field(() => LocalDateScalar, { description: 'First working day: not before the batch departed, not in the future.' })
  startedOn: string;

  @Field(() => Boolean, { description: '一次性交通补助 paid.' })
  fareReimbursed: boolean;
}

@InputType({ description: '离岗 — the worker left the job of a transfer.' })
export class EndTransferInput {
  @Field(() => ID)
  transferId: string;

  @Field(() => LocalDateScalar, { description: 'Last working day.' })
  endedOn: string;

  @Field(() => String, { description: 'Why (e.g. 返乡, 合同到期, 转换工作), 2 to 200 characters.' })
  reason: string;
}

@InputType({ description: "核实 — county staff of the worker's region confirm or reject a transfer a partner city recorded on its own." })
export class DecideTransferInput {
  @Field(() => ID)
  transferId: string;

  @Field(() => String, { nullable: true, description: 'Why (2 to 200 characters): required to reject (e.g. 非本县劳动力, 未经劳务输出组织), optional note to confirm.' })
  reason?: string | null;
}

@InputType({ description: '自发外出登记 — a worker who went to the partner city on their own (no organised batch) started a job there.' })
export class RecordSelfOrganisedTransferInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The partner city: its 4-digit code, or the 6-digit district the worker went to (kept as destinationDistrict). Partner-city staff: their own city (the default); the county office names it.',
  })
  cityCode?: string | null;

  @Field(() => String, { description: '身份证号 (18 characters); kept by the partner subgraph for matching, never shown.' })
  idNumber: string;

  @Field(() => String, { nullable: true, description: '手机号, 11 digits starting with 1.' })
  phone?: string | null;

  @Field(() => String, { description: '用工单位, 2 to 100 characters.' })
  employerName: string;

  @Field(() => String, { description: '岗位/工种, 1 to 60 characters.' })
  jobTitle: string;

  @Field(() => LocalDateScalar, { description: 'First working day: not before the pairing with the city began, not in the future.' })
  startedOn: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '一次性交通补助 paid (default false).' })
  fareReimbursed?: boolean | null;
}
