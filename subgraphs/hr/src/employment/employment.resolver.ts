import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HrContext } from '../context';
import { Employer } from '../employer/employer.entity';
import { Worker } from '../worker/worker.type';
import { Employment } from './employment.entity';
import { RecordEmploymentEndInput, RecordEmploymentStartInput } from './employment.inputs';
import { EmploymentService } from './employment.service';
import { authorizeWorkerWrite } from '../access';

@Resolver(() => Employment)
export class EmploymentResolver {
  @FieldResolver(() => Worker)
  worker(@Root() employment: Employment): Worker {
    return { id: employment.workerId };
  }

  @FieldResolver(() => Employer, { nullable: true, description: 'The employer, when it is in the registry.' })
  employer(@Root() employment: Employment, @Ctx() { loaders }: HrContext) {
    return employment.employerId === null ? null : loaders.employerById.load(employment.employerId);
  }

  @Mutation(() => Employment, { description: '就业登记 — a registered worker started a job; the worker becomes EMPLOYED.' })
  async recordEmploymentStart(@Arg('input', () => RecordEmploymentStartInput) input: RecordEmploymentStartInput, @Ctx() context: HrContext) {
    const inScope = authorizeWorkerWrite(context, 'employment records');
    return new EmploymentService(context.em, context.config.pseudonymKey, inScope).recordStart(input);
  }

  @Mutation(() => Employment, { description: '离职登记 — an employment ended; the worker becomes UNEMPLOYED when no job remains.' })
  async recordEmploymentEnd(@Arg('input', () => RecordEmploymentEndInput) input: RecordEmploymentEndInput, @Ctx() context: HrContext) {
    const inScope = authorizeWorkerWrite(context, 'employment records');
    return new EmploymentService(context.em, context.config.pseudonymKey, inScope).recordEnd(input);
  }
}
