import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Trade } from '@jiuye/common';

/**
 * The federated person: the partner cities add transfers, follow-ups and contact attempts, and
 * the pushed postings that suit the worker. staysNearHome (civil) and certifiedTrades (training)
 * are external: the gateway sends them along when suitablePartnerJobPostings is asked for.
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
