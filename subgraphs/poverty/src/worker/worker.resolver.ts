import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PovertyStatus } from '@jiuye/common';
import type { PovertyContext } from '../context';
import { Household } from '../household/household.type';
import { Relationship } from '../member/member.entity';
import { Worker } from './worker.type';

@Resolver(() => Worker)
export class WorkerResolver {
  @FieldResolver(() => Household, { nullable: true, description: 'The registered household (建档立卡户) the person belongs to now; empty if none.' })
  async povertyHousehold(@Root() worker: Worker, @Ctx() { loaders }: PovertyContext): Promise<Household | null> {
    const membership = await loaders.membershipByWorker.load(worker.id);
    return membership ? { code: membership.householdCode } : null;
  }

  @FieldResolver(() => PovertyStatus, { nullable: true, description: "贫困状态 of the person's registered household; empty = 未建档 (not registered)." })
  async povertyStatus(@Root() worker: Worker, @Ctx() { loaders }: PovertyContext) {
    const membership = await loaders.membershipByWorker.load(worker.id);
    if (!membership) return null;
    return (await loaders.householdByCode.load(membership.householdCode))?.povertyStatus ?? null;
  }

  @FieldResolver(() => Relationship, { nullable: true, description: '与户主关系 in the registered household.' })
  async relationshipToHead(@Root() worker: Worker, @Ctx() { loaders }: PovertyContext) {
    return (await loaders.membershipByWorker.load(worker.id))?.relationship ?? null;
  }
}

/** Placed by the current membership, through the loader the fields use anyway (no statement of its own). */
export async function resolveWorkerReference(reference: { id: string }, { loaders }: PovertyContext): Promise<Worker> {
  const membership = await loaders.membershipByWorker.load(reference.id);
  return { id: reference.id, householdCode: membership?.householdCode ?? null };
}
