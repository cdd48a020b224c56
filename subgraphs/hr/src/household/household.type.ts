import { Directive, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '户 — a household, known to every department by its 16-digit household code.' })
@Directive('@key(fields: "code")')
export class Household {
  @Field(() => String, { description: '户编号 — village code (12 digits) + 4-digit sequence' })
  code: string;
}
