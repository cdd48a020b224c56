import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, WelfarePostKind } from '@jiuye/common';

@ObjectType({ description: '公益性岗位 — a public-welfare post developed in a village: the floor (兜底安置) for workers who cannot leave home.' })
@Entity({ tableName: 'welfare_post' })
export class WelfarePost {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => WelfarePostKind)
  @Enum({ items: () => WelfarePostKind })
  kind: WelfarePostKind;

  @Property({ type: 'string', length: 12 })
  @Index()
  villageCode: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  title: string;

  @Field(() => Int, { description: 'Allowance in yuan per year (about 6,000).' })
  @Property({ type: 'integer' })
  annualAllowance: number;
}

@ObjectType({ description: '公益性岗位聘用 — who holds (or held) a public-welfare post, and when.' })
@Entity({ tableName: 'welfare_post_assignment' })
// One holder at a time per post; checked by the service, guaranteed by this partial unique index.
@Unique({
  name: 'welfare_post_assignment_one_holder',
  expression: 'create unique index "welfare_post_assignment_one_holder" on "welfare_post_assignment" ("post_id") where "ends_on" is null',
})
@Check({ name: 'welfare_post_assignment_ends_after_start', expression: 'ends_on is null or ends_on >= starts_on' })
export class WelfarePostAssignment {
  [OptionalProps]?: 'employmentId' | 'endsOn' | 'current';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  postId: number;

  @Property({ type: 'string', length: 32 })
  @Index()
  workerId: string;

  /** The PUBLIC_WELFARE_POST employment opened with the assignment (ended with it). */
  @Property({ type: 'integer', nullable: true })
  @Index()
  employmentId: number | null = null;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Empty while the worker holds the post.' })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => Boolean, { description: 'Holds the post now (no end recorded).' })
  get current(): boolean {
    return this.endsOn === null;
  }
}
