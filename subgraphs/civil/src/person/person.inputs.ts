import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { DisabilityKind, LeftBehindKind } from './person.entity';

@InputType({ description: 'Record or correct a certified disability (残疾人证).' })
export class RecordDisabilityInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => String, { nullable: true, description: '户编号, 16 digits' })
  householdCode?: string | null;

  @Field(() => DisabilityKind)
  kind: DisabilityKind;

  @Field(() => Int, { description: '1 (most severe) to 4' })
  grade: number;

  @Field(() => LocalDateScalar)
  certifiedOn: string;
}

@InputType({ description: 'Mark a person as left-behind (三留守), or clear it with kind null.' })
export class SetLeftBehindInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => String, { nullable: true })
  householdCode?: string | null;

  @Field(() => LeftBehindKind, { nullable: true })
  kind?: LeftBehindKind | null;
}
