import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The federated person: training adds enrolments, certificates and certified trades. */
@ObjectType({ description: 'A person in the labour registry, known to every department by the same pseudonymous key.' })
@Directive('@key(fields: "id")')
export class Worker {
  @Field(() => ID, { description: 'Pseudonymous key derived from the ID number (never the ID number itself).' })
  id: string;

  /**
   * Set when the worker is reached from an enrolment or certificate of a known institution (the
   * worker is that institution's trainee); never taken from an `_entities` representation.
   */
  knownInstitution?: number | null;
}
