import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CivilContext } from '../context';
import { authorizeCareDutyWrite, authorizePersonWrite, placeWith } from '../access';
import { CareDuty } from '../care-duty/care-duty.entity';
import { AddCareDutyInput, EndCareDutyInput } from '../care-duty/care-duty.inputs';
import { CareDutyService } from '../care-duty/care-duty.service';
import { Disability, LeftBehindKind, type PersonCircumstance } from '../person/person.entity';
import { RecordDisabilityInput, SetLeftBehindInput } from '../person/person.inputs';
import { PersonService } from '../person/person.service';
import { Worker } from './worker.type';
import { staysNearHome } from './worker.service';

@Resolver(() => Worker)
export class WorkerResolver {
  @FieldResolver(() => LeftBehindKind, { nullable: true, description: '三留守 status, if any.' })
  async leftBehind(@Root() worker: Worker, @Ctx() { loaders }: CivilContext) {
    return (await loaders.situationByWorker.load(worker.id))?.leftBehind ?? null;
  }

  @FieldResolver(() => Disability, { nullable: true })
  async disability(@Root() worker: Worker, @Ctx() { loaders }: CivilContext): Promise<Disability | null> {
    const situation = await loaders.situationByWorker.load(worker.id);
    if (!situation?.disabilityKind || situation.disabilityGrade == null) return null;
    // The worker id and household travel with it: Disability is guarded as the person's record.
    return placeWith({ kind: situation.disabilityKind, grade: situation.disabilityGrade, certifiedOn: situation.disabilityCertifiedOn, workerId: worker.id }, situation);
  }

  @FieldResolver(() => [CareDuty], { nullable: true, description: '照料义务, newest first.' })
  async careDuties(@Root() worker: Worker, @Ctx() { loaders }: CivilContext) {
    const [situation, duties] = await Promise.all([loaders.situationByWorker.load(worker.id), loaders.careDutiesByWorker.load(worker.id)]);
    return duties.map((duty) => placeWith(duty, situation));
  }

  @FieldResolver(() => Boolean, {
    description: 'Care duties or a disability keep this person near home (no out-of-province jobs).',
  })
  async staysNearHome(@Root() worker: Worker, @Ctx() { loaders }: CivilContext) {
    const [situation, duties] = await Promise.all([loaders.situationByWorker.load(worker.id), loaders.careDutiesByWorker.load(worker.id)]);
    return staysNearHome(situation, duties);
  }

  @Mutation(() => Worker, { description: '录入残疾信息 — record or correct a certified disability.' })
  async recordDisability(@Arg('input', () => RecordDisabilityInput) input: RecordDisabilityInput, @Ctx() context: CivilContext): Promise<Worker> {
    await authorizePersonWrite(context, input.idNumber, input.householdCode, 'disability records');
    return written(context, await new PersonService(context.em, context.config.pseudonymKey).recordDisability(input));
  }

  @Mutation(() => Worker, { description: '三留守标注 — set or clear a left-behind status.' })
  async setLeftBehind(@Arg('input', () => SetLeftBehindInput) input: SetLeftBehindInput, @Ctx() context: CivilContext): Promise<Worker> {
    await authorizePersonWrite(context, input.idNumber, input.householdCode, 'left-behind records');
    return written(context, await new PersonService(context.em, context.config.pseudonymKey).setLeftBehind(input));
  }

  @Mutation(() => CareDuty, { description: 'Record a care duty that keeps a worker near home.' })
  async addCareDuty(@Arg('input', () => AddCareDutyInput) input: AddCareDutyInput, @Ctx() context: CivilContext) {
    await authorizePersonWrite(context, input.idNumber, null, 'care duties');
    const duty = await new CareDutyService(context.em, context.config.pseudonymKey).add(input);
    context.loaders.careDutiesByWorker.clear(duty.workerId);
    return placeWith(duty, await context.loaders.situationByWorker.load(duty.workerId));
  }

  @Mutation(() => CareDuty)
  async endCareDuty(@Arg('input', () => EndCareDutyInput) input: EndCareDutyInput, @Ctx() context: CivilContext) {
    const inScope = authorizeCareDutyWrite(context, 'care duties');
    const duty = await new CareDutyService(context.em, context.config.pseudonymKey).end(input, inScope);
    context.loaders.careDutiesByWorker.clear(duty.workerId);
    return placeWith(duty, await context.loaders.situationByWorker.load(duty.workerId));
  }
}

/** After a write: the loaders show the situation as written, and the worker carries its household. */
function written(context: CivilContext, situation: PersonCircumstance): Worker {
  context.loaders.situationByWorker.clear(situation.workerId).prime(situation.workerId, situation);
  return { id: situation.workerId, householdCode: situation.householdCode };
}

/** Placed by the household civil affairs knows for the person (one batched query, shared with the fields). */
export async function resolveWorkerReference(reference: { id: string }, { loaders }: CivilContext): Promise<Worker> {
  const situation = await loaders.situationByWorker.load(reference.id);
  return { id: reference.id, householdCode: situation?.householdCode ?? null };
}
