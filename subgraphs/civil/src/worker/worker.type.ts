import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The federated person: civil affairs adds left-behind status, disability and care duties. */
@ObjectType({ description: 'A person in the labour registry, known to every department by the same pseudonymous key.' })
@Directive('@key(fields: "id")')
export class Worker {
  @Field(() => ID, { description: 'Pseudonymous key derived from the ID number (never the ID number itself).' })
  id: string;

  /** Not a field: the household civil affairs knows for the person, which places them for access (access.ts). */
  householdCode?: string | null;
}
