import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, PageArgs, PageType, WelfarePostKind } from '@jiuye/common';
import type { HrContext } from '../context';
import { Division } from '../division/division.type';
import { Worker } from '../worker/worker.type';
import { WelfarePost, WelfarePostAssignment, WelfarePostFunding } from './welfare-post.entity';
import { AssignWelfarePostInput, CloseWelfarePostInput, CreateWelfarePostInput, ReleaseWelfarePostInput, UpdateWelfarePostInput } from './welfare-post.inputs';
import { WelfarePostService } from './welfare-post.service';
import { authorizeReferenceWrite, authorizeWorkerWrite } from '../access';

@ObjectType()
export class WelfarePostPage extends PageType(WelfarePost) {}

@ArgsType()
class WelfarePostsArgs extends PageArgs {
  @Field(() => DivisionCodeScalar, { description: 'A county, township or village: posts in its villages.' })
  divisionCode: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Only open posts nobody holds now.' })
  vacantOnly: boolean = false;

  @Field(() => WelfarePostKind, { nullable: true })
  kind?: WelfarePostKind | null;

  @Field(() => Boolean, { nullable: true, description: 'true: open posts only; false: closed only; left out: both.' })
  open?: boolean | null;

  @Field(() => WelfarePostFunding, { nullable: true })
  fundingSource?: WelfarePostFunding | null;
}

const WHAT = 'public-welfare posts';

@Resolver(() => WelfarePost)
export class WelfarePostResolver {
  @Query(() => WelfarePostPage, { description: '公益性岗位 — public-welfare posts in a division, by id.' })
  welfarePosts(@Args(() => WelfarePostsArgs) args: WelfarePostsArgs, @Ctx() { em, config }: HrContext) {
    return new WelfarePostService(em, config.pseudonymKey).list(args);
  }

  @Query(() => WelfarePost, { nullable: true, description: 'One public-welfare post by id; empty when there is none.' })
  welfarePost(@Arg('id', () => ID) id: string, @Ctx() { em, config }: HrContext) {
    return new WelfarePostService(em, config.pseudonymKey).byId(id);
  }

  @FieldResolver(() => Division)
  village(@Root() post: WelfarePost): Division {
    return { code: post.villageCode };
  }

  @FieldResolver(() => WelfarePostAssignment, { nullable: true, description: 'Who holds the post now; empty when vacant.' })
  async currentAssignment(@Root() post: WelfarePost, @Ctx() { loaders, access }: HrContext) {
    const assignment = await loaders.currentAssignmentByPost.load(post.id);
    if (!assignment) return null;
    access.requirePersonAccess();
    return (await access.canSee({ workerId: assignment.workerId })) ? assignment : null;
  }

  @FieldResolver(() => Boolean, { description: '空岗 — nobody holds the post now.' })
  async vacant(@Root() post: WelfarePost, @Ctx() { loaders }: HrContext) {
    return (await loaders.currentAssignmentByPost.load(post.id)) === null;
  }

  @Mutation(() => WelfarePostAssignment, {
    description: '公益性岗位安置 — give a vacant post to a worker of its village; opens a PUBLIC_WELFARE_POST employment in the same transaction.',
  })
  async assignWelfarePost(@Arg('input', () => AssignWelfarePostInput) input: AssignWelfarePostInput, @Ctx() context: HrContext) {
    const inScope = authorizeWorkerWrite(context, 'public-welfare posts');
    return new WelfarePostService(context.em, context.config.pseudonymKey, inScope).assign(input);
  }

  @Mutation(() => WelfarePost, { description: '开发公益性岗位 — open a public-welfare post in a village of your region (hr officers).' })
  createWelfarePost(@Arg('input', () => CreateWelfarePostInput) input: CreateWelfarePostInput, @Ctx() context: HrContext) {
    return this.postService(context).create(input);
  }

  @Mutation(() => WelfarePost, { description: 'Change an open public-welfare post of your region.' })
  updateWelfarePost(@Arg('input', () => UpdateWelfarePostInput) input: UpdateWelfarePostInput, @Ctx() context: HrContext) {
    return this.postService(context).update(input);
  }

  @Mutation(() => WelfarePost, { description: '撤岗 — close a vacant public-welfare post of your region.' })
  closeWelfarePost(@Arg('input', () => CloseWelfarePostInput) input: CloseWelfarePostInput, @Ctx() context: HrContext) {
    return this.postService(context).close(input);
  }

  private postService(context: HrContext): WelfarePostService {
    return new WelfarePostService(context.em, context.config.pseudonymKey, undefined, authorizeReferenceWrite(context, WHAT));
  }

  @Mutation(() => WelfarePostAssignment, { description: 'End a holding of a public-welfare post, and its employment with it.' })
  async releaseWelfarePost(@Arg('input', () => ReleaseWelfarePostInput) input: ReleaseWelfarePostInput, @Ctx() context: HrContext) {
    const inScope = authorizeWorkerWrite(context, 'public-welfare posts');
    return new WelfarePostService(context.em, context.config.pseudonymKey, inScope).release(input);
  }
}

@Resolver(() => WelfarePostAssignment)
export class WelfarePostAssignmentResolver {
  @FieldResolver(() => WelfarePost)
  async post(@Root() assignment: WelfarePostAssignment, @Ctx() { loaders }: HrContext) {
    return loaders.welfarePostById.load(assignment.postId);
  }

  @FieldResolver(() => Worker)
  worker(@Root() assignment: WelfarePostAssignment): Worker {
    return { id: assignment.workerId };
  }
}
