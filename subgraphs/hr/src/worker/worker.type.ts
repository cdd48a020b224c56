import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Trade } from '@jiuye/common';

/**
 * The federated person. hr owns the labour-registry facts (resolved through loaders in
 * WorkerResolver); staysNearHome (civil) and certifiedTrades (training) are external: the
 * gateway fetches them and sends them along when suitableJobPostings is asked for.
 */
@ObjectType({ description: 'A person in the labour registry, known to every department by the same pseudonymous key.' })
@Directive('@key(fields: "id")')
export class Worker {
  @Field(() => ID, { description: 'Pseudonymous key derived from the ID number (never the ID number itself).' })
  id: string;

  @Field(() => Boolean, { description: 'Owned by civil affairs: care duties or a disability keep this person near home.' })
  @Directive('@external')
  staysNearHome?: boolean;

  @Field(() => [Trade], { description: 'Owned by training: trades of the certificates this person holds.' })
  @Directive('@external')
  certifiedTrades?: Trade[];
}
