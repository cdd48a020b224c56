import { Field, ID, InputType, Int } from 'type-graphql';
import { EmploymentKind, EmploymentPlace, LocalDateScalar } from '@jiuye/common';

@InputType({ description: '就业登记 — record that a registered worker started a job.' })
export class RecordEmploymentStartInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => EmploymentKind, { description: 'Any kind but PUBLIC_WELFARE_POST (use assignWelfarePost).' })
  kind: EmploymentKind;

  @Field(() => EmploymentPlace)
  place: EmploymentPlace;

  @Field(() => ID, { nullable: true, description: 'The employer, when it is in the registry.' })
  employerId?: string | null;

  @Field(() => String, { description: 'Employer as written on the contract, 2 to 100 characters.' })
  employerName: string;

  @Field(() => String, { description: 'Where the work is, 2 to 100 characters.' })
  location: string;

  @Field(() => LocalDateScalar, { description: 'First working day, not after today.' })
  startsOn: string;

  @Field(() => Int, { description: 'Monthly wage in yuan, 1 to 100000.' })
  monthlyWage: number;
}

@InputType({ description: 'Record that an employment ended.' })
export class RecordEmploymentEndInput {
  @Field(() => ID)
  employmentId: string;

  @Field(() => LocalDateScalar, { description: 'Last working day, not before the start and not after today.' })
  endsOn: string;

  @Field(() => String, { description: 'Why it ended (合同期满, 辞职, 返乡照料家人…), 2 to 200 characters.' })
  reason: string;
}
