import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar, PovertyStatus } from '@jiuye/common';
import { Relationship } from '../member/member.entity';

@InputType({ description: 'A member listed when a household is registered.' })
export class RegisterMemberInput {
  @Field(() => String, { description: '身份证号, 18 characters (sex and birth date are taken from it)' })
  idNumber: string;

  @Field(() => String, { description: '姓名, 1 to 60 characters' })
  name: string;

  @Field(() => Relationship)
  relationship: Relationship;
}

@InputType({ description: '建档立卡 / 纳入监测 — register a household with its members and first status.' })
export class RegisterHouseholdInput {
  @Field(() => String, { description: '户编号, 16 digits: village code (12) + sequence (4)' })
  code: string;

  @Field(() => LocalDateScalar, { description: 'Day of registration; not in the future.' })
  registeredOn: string;

  @Field(() => PovertyStatus, { description: 'First status: NOT_LIFTED (建档立卡), MARGINAL or SUDDEN_HARDSHIP (监测对象).' })
  status: PovertyStatus;

  @Field(() => String, { description: '致贫原因 / 风险 — 2 to 200 characters (因病, 因学, 缺劳力…).' })
  reason: string;

  @Field(() => [RegisterMemberInput], { description: 'Exactly one HEAD; each ID number once.' })
  members: RegisterMemberInput[];

  @Field(() => ID, { nullable: true, description: '易地搬迁安置点 of a relocated household.' })
  relocationSiteId?: string | null;
}
