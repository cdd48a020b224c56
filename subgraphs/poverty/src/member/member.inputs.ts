import { Field, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { Relationship } from './member.entity';

@InputType({ description: 'Add a person to a registered household (birth, marriage, moving in).' })
export class AddHouseholdMemberInput {
  @Field(() => String, { description: '户编号, 16 digits' })
  householdCode: string;

  @Field(() => String, { description: '身份证号, 18 characters' })
  idNumber: string;

  @Field(() => String, { description: '姓名, 1 to 60 characters' })
  name: string;

  @Field(() => Relationship, { description: 'HEAD only if the household has no current head.' })
  relationship: Relationship;
}

@InputType({ description: 'A person leaves a registered household (出嫁, 死亡, 迁出…).' })
export class RemoveHouseholdMemberInput {
  @Field(() => String, { description: '户编号, 16 digits' })
  householdCode: string;

  @Field(() => String, { description: '身份证号 of the member who leaves' })
  idNumber: string;

  @Field(() => LocalDateScalar, { description: 'Day the person left; not in the future, not before their birth.' })
  removedOn: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters.' })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description: '身份证号 of the member who becomes head (户主): required when the head leaves and others remain.',
  })
  newHeadIdNumber?: string | null;
}
