import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

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
