import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, Trade } from '@jiuye/common';
import { SKILL_GRADE_DESCRIPTION } from './certificate.entity';

@InputType({ description: '发证 — record a vocational skill certificate a worker obtained.' })
export class CertifyTraineeInput {
  @Field(() => String, { description: '身份证号, 18 characters' })
  idNumber: string;

  @Field(() => Trade)
  trade: Trade;

  @Field(() => Int, { description: SKILL_GRADE_DESCRIPTION })
  grade: number;

  @Field(() => String, { description: '证书编号: 6 to 40 letters, digits or hyphens; unique.' })
  number: string;

  @Field(() => LocalDateScalar, { description: 'Not in the future; not before the training it came from was completed.' })
  issuedOn: string;

  @Field(() => ID, { nullable: true, description: "The worker's completed enrolment that led to it, if any." })
  enrolmentId?: string | null;
}
