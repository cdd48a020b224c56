import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EmploymentKind, EmploymentPlace, LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '就业记录 — one employment spell of a worker (employer, kind, place, dates, monthly wage).' })
@Entity({ tableName: 'employment' })
@Index({ properties: ['workerId', 'startsOn'] })
// At most one open employment per worker. The service checks it first (to name the field); this
// partial unique index (MikroORM writes it from the expression) stops two clerks racing.
@Unique({
  name: 'employment_one_open_per_worker',
  expression: 'create unique index "employment_one_open_per_worker" on "employment" ("worker_id") where "ends_on" is null',
})
@Check({ name: 'employment_ends_after_start', expression: 'ends_on is null or ends_on >= starts_on' })
export class Employment {
  [OptionalProps]?: 'employerId' | 'endsOn' | 'endReason' | 'recordedAt' | 'current';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 32 })
  workerId: string;

  /** An employer in the registry, or null (self-employed, odd jobs, employers outside it, welfare posts). */
  @Property({ type: 'integer', nullable: true })
  @Index()
  employerId: number | null = null;

  @Field(() => String, { description: 'Employer as recorded (also for employers outside the registry).' })
  @Property({ type: 'string', length: 100 })
  employerName: string;

  @Field(() => EmploymentKind)
  @Enum({ items: () => EmploymentKind })
  kind: EmploymentKind;

  @Field(() => EmploymentPlace)
  @Enum({ items: () => EmploymentPlace })
  place: EmploymentPlace;

  @Field(() => String, { description: 'Where the work is (town, city, province).' })
  @Property({ type: 'string', length: 100 })
  location: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Empty while the worker is still employed here.' })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => Int, { description: 'Monthly wage in yuan.' })
  @Property({ type: 'integer' })
  monthlyWage: number;

  @Field(() => String, { nullable: true, description: 'Why it ended (合同期满, 辞职, 返乡…).' })
  @Property({ type: 'string', length: 200, nullable: true })
  endReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Field(() => Boolean, { description: 'Still employed here (no end recorded).' })
  get current(): boolean {
    return this.endsOn === null;
  }
}
