import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { authorizeCatalogueWrite } from '../access';
import type { TrainingContext } from '../context';
import { TrainingClass } from '../training-class/training-class.entity';
import { ClassSession } from './class-session.entity';
import { AddClassSessionInput, RemoveClassSessionInput, UpdateClassSessionInput } from './class-session.inputs';
import { ClassSessionService } from './class-session.service';

const WHAT = 'class schedules';

@Resolver(() => ClassSession)
export class ClassSessionResolver {
  @Mutation(() => ClassSession, { description: '排课 — add a session to an open class’s schedule.' })
  addClassSession(@Arg('input', () => AddClassSessionInput) input: AddClassSessionInput, @Ctx() context: TrainingContext) {
    return new ClassSessionService(context.em).add(input, authorizeCatalogueWrite(context, WHAT));
  }

  @Mutation(() => ClassSession, { description: 'Move or retitle a session not yet held.' })
  updateClassSession(@Arg('input', () => UpdateClassSessionInput) input: UpdateClassSessionInput, @Ctx() context: TrainingContext) {
    return new ClassSessionService(context.em).update(input, authorizeCatalogueWrite(context, WHAT));
  }

  @Mutation(() => TrainingClass, { description: 'Take a session not yet held off the schedule; returns its class.' })
  removeClassSession(@Arg('input', () => RemoveClassSessionInput) input: RemoveClassSessionInput, @Ctx() context: TrainingContext) {
    return new ClassSessionService(context.em).remove(input, authorizeCatalogueWrite(context, WHAT));
  }

  @FieldResolver(() => TrainingClass, { nullable: true })
  trainingClass(@Root() session: ClassSession, @Ctx() { loaders }: TrainingContext) {
    return loaders.classById.load(session.classId);
  }
}
