import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CivilContext } from '../context';
import { CareDuty } from '../care-duty/care-duty.entity';
import { AddCareDutyInput, EndCareDutyInput } from '../care-duty/care-duty.inputs';
import { CareDutyService } from '../care-duty/care-duty.service';
import { Disability, LeftBehindKind } from '../person/person.entity';
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
    return { kind: situation.disabilityKind, grade: situation.disabilityGrade, certifiedOn: situation.disabilityCertifiedOn };
  }

  @FieldResolver(() => [CareDuty], { nullable: true, description: '照料义务, newest first.' })
  careDuties(@Root() worker: Worker, @Ctx() { loaders }: CivilContext) {
    return loaders.careDutiesByWorker.load(worker.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Care duties or a disability keep this person near home (no out-of-province jobs).',
  })
  async staysNearHome(@Root() worker: Worker, @Ctx() { loaders }: CivilContext) {
    const [situation, duties] = await Promise.all([
      loaders.situationByWorker.load(worker.id),
      loaders.careDutiesByWorker.load(worker.id),
    ]);
    return staysNearHome(situation, duties);
  }

  @Mutation(() => Worker, { description: '录入残疾信息 — record or correct a certified disability.' })
  async recordDisability(@Arg('input', () => RecordDisabilityInput) input: RecordDisabilityInput, @Ctx() { em, config }: CivilContext): Promise<Worker> {
    const situation = await new PersonService(em, config.pseudonymKey).recordDisability(input);
    return { id: situation.workerId };
  }

  @Mutation(() => Worker, { description: '三留守标注 — set or clear a left-behind status.' })
  async setLeftBehind(@Arg('input', () => SetLeftBehindInput) input: SetLeftBehindInput, @Ctx() { em, config }: CivilContext): Promise<Worker> {
    const situation = await new PersonService(em, config.pseudonymKey).setLeftBehind(input);
    return { id: situation.workerId };
  }

  @Mutation(() => CareDuty, { description: 'Record a care duty that keeps a worker near home.' })
  addCareDuty(@Arg('input', () => AddCareDutyInput) input: AddCareDutyInput, @Ctx() { em, config }: CivilContext) {
    return new CareDutyService(em, config.pseudonymKey).add(input);
  }

  @Mutation(() => CareDuty)
  endCareDuty(@Arg('input', () => EndCareDutyInput) input: EndCareDutyInput, @Ctx() { em, config }: CivilContext) {
    return new CareDutyService(em, config.pseudonymKey).end(input);
  }
}

export function resolveWorkerReference(reference: { id: string }): Worker {
  return { id: reference.id };
}
