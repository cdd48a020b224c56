import { Field, ID, InputType, Int } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, WelfarePostKind, updateInputDescription } from '@jiuye/common';
import { WelfarePostFunding } from './welfare-post.entity';

@InputType({ description: '公益性岗位安置 — give a vacant public-welfare post to a worker of the same village.' })
export class AssignWelfarePostInput {
  @Field(() => ID)
  postId: string;

  @Field(() => String)
  idNumber: string;

  @Field(() => LocalDateScalar, { description: 'First day on the post, not after today.' })
  startsOn: string;
}

@InputType({ description: "End a worker's holding of a public-welfare post (the post becomes vacant)." })
export class ReleaseWelfarePostInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => LocalDateScalar, { description: 'Last day on the post, not before the start and not after today.' })
  endsOn: string;

  @Field(() => String, { nullable: true, description: 'Why (聘期届满, 已转移就业, 考核不合格…), 2 to 200 characters; 聘期届满 when left out.' })
  reason?: string | null;
}

@InputType({ description: '开发公益性岗位 — open a public-welfare post in a village of your region.' })
export class CreateWelfarePostInput {
  @Field(() => WelfarePostKind)
  kind: WelfarePostKind;

  @Field(() => DivisionCodeScalar, { description: 'The village (12 digits) whose residents the post is for.' })
  villageCode: string;

  @Field(() => String, { nullable: true, description: '2 to 100 characters; the village name and the kind (箐口村保洁员) when left out.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: '用岗单位, 2 to 100 characters, when the holder works at an agency (镇政府, 林业站…).' })
  agency?: string | null;

  @Field(() => String, { description: '管理部门, 2 to 50 characters (林草局, 交通运输局…).' })
  managingDepartment: string;

  @Field(() => WelfarePostFunding)
  fundingSource: WelfarePostFunding;

  @Field(() => Int, { description: 'Yuan per month, 100 to 5,000 (Seda: about 500).' })
  monthlyAllowance: number;

  @Field(() => LocalDateScalar, { description: 'Not after today.' })
  openedOn: string;

  @Field(() => Int, { nullable: true, description: 'Oldest starting age of a holder, 60 to 65; 60 when left out.' })
  maxHolderAge?: number | null;
}

@InputType({
  description: updateInputDescription('Change an open post; its kind and village stay (another kind or village is another post).', ['agency']),
})
export class UpdateWelfarePostInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  agency?: string | null;

  @Field(() => String, { nullable: true })
  managingDepartment?: string | null;

  @Field(() => WelfarePostFunding, { nullable: true })
  fundingSource?: WelfarePostFunding | null;

  @Field(() => Int, { nullable: true })
  monthlyAllowance?: number | null;

  @Field(() => Int, { nullable: true, description: 'Applies to holders assigned from now on.' })
  maxHolderAge?: number | null;
}

@InputType({ description: '撤岗 — close a vacant post (release its holder first).' })
export class CloseWelfarePostInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Not after today, not before it opened, not before its last holder left.' })
  closedOn: string;

  @Field(() => String, { description: '2 to 200 characters.' })
  reason: string;
}
