import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@InputType({ description: '培训推荐 — county staff refer a worker of their region to an institution (or one of its classes) before it enrols them.' })
export class ReferForTrainingInput {
  @Field(() => String, { description: '身份证号 (18 characters) of a worker of your region.' })
  idNumber: string;

  @Field(() => ID, { description: 'The institution.' })
  institutionId: string;

  @Field(() => ID, { nullable: true, description: 'One class of that institution; empty: any of its classes.' })
  classId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the institution may enrol the worker on it: today to a year ahead (default 90 days).' })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: '推荐说明, up to 200 characters.' })
  note?: string | null;
}
