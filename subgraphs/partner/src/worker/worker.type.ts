import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The federated person: the partner cities add transfers, follow-ups and contact attempts. */
@ObjectType({ description: 'A person in the labour registry, known to every department by the same pseudonymous key.' })
@Directive('@key(fields: "id")')
export class Worker {
  @Field(() => ID, { description: 'Pseudonymous key derived from the ID number (never the ID number itself).' })
  id: string;
}
