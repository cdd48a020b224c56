import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar, updateInputDescription } from '@jiuye/common';
import { CadreRole } from './cadre.entity';

@InputType({ description: '选派帮扶干部 — a cadre and the first village they serve (in your region).' })
export class CreateCadreInput {
  @Field(() => String, { description: '姓名, 2 to 30 characters.' })
  name: string;

  @Field(() => ID, { description: 'The cadre’s unit (open).' })
  unitId: string;

  @Field(() => CadreRole)
  role: CadreRole;

  @Field(() => String, { nullable: true, description: '手机号, 11 digits starting 13–19; shown masked only.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The staff account the cadre signs in with (1–128 of A–Z a–z 0–9 . _ @ : -), held by no other cadre; set by poverty officers (科员) only.',
  })
  account?: string | null;

  @Field(() => String, { description: '12-digit code of the village served, in your region.' })
  villageCode: string;

  @Field(() => LocalDateScalar, { description: 'First day of service; not in the future.' })
  since: string;
}

@InputType({
  description: updateInputDescription('Change a cadre of your region: the fields given are replaced. Open responsibilities keep the unit they began with.', [
    'phone (as clearPhone: true)',
    'account (as clearAccount: true; officers only)',
  ]),
})
export class UpdateCadreInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => CadreRole, { nullable: true })
  role?: CadreRole | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: no phone on record any more.' })
  clearPhone?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'The staff account the cadre signs in with (1–128 of A–Z a–z 0–9 . _ @ : -), held by no other cadre; set by poverty officers (科员) only.',
  })
  account?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the cadre carries no account any more (their tasks are no longer assigned automatically).' })
  clearAccount?: boolean | null;
}

@InputType({ description: 'A further village a cadre serves (in your region).' })
export class PostCadreInput {
  @Field(() => ID)
  cadreId: string;

  @Field(() => String)
  villageCode: string;

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  since: string;
}

@InputType({ description: '结束驻村/帮扶 — end a posting; refused while the cadre still answers for households of the village.' })
export class EndCadrePostingInput {
  @Field(() => ID)
  postingId: string;

  @Field(() => LocalDateScalar, { description: 'Last day: from the posting’s first day to today.' })
  until: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters (轮换, 期满, 调离…).' })
  reason: string;
}
