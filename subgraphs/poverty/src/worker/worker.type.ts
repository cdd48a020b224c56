import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The federated person: the poverty office adds the registered household and the person's place in it. */
@ObjectType({ description: 'A person in the labour registry, known to every department by the same pseudonymous key.' })
@Directive('@key(fields: "id")')
export class Worker {
  @Field(() => ID, { description: 'Pseudonymous key derived from the ID number (never the ID number itself).' })
  id: string;

  /** The registered household the person is a current member of, when known: places the person (access.ts). Not in the graph. */
  householdCode?: string | null;
}
