import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar, updateInputDescription } from '@jiuye/common';

@InputType({ description: 'A session of an open class, on a class day, not overlapping another session of the class.' })
export class AddClassSessionInput {
  @Field(() => ID)
  classId: string;

  @Field(() => LocalDateScalar, { description: 'Between the class’s first and last day.' })
  heldOn: string;

  @Field(() => String, { description: 'HH:MM, 00:00 to 23:59.' })
  startsAt: string;

  @Field(() => String, { description: 'HH:MM, after startsAt.' })
  endsAt: string;

  @Field(() => String, { description: '2 to 200 characters.' })
  topic: string;
}

@InputType({ description: updateInputDescription('Change a session not yet held (today or later): the fields given are replaced.', []) })
export class UpdateClassSessionInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { nullable: true })
  heldOn?: string | null;

  @Field(() => String, { nullable: true })
  startsAt?: string | null;

  @Field(() => String, { nullable: true })
  endsAt?: string | null;

  @Field(() => String, { nullable: true })
  topic?: string | null;
}

@InputType({ description: 'Take a session not yet held (today or later) off the schedule.' })
export class RemoveClassSessionInput {
  @Field(() => ID)
  id: string;
}
