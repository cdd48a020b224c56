import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How current the read model is for one department.' })
export class DepartmentFreshness {
  @Field(() => String, { description: 'hr, poverty, civil, training or partner.' })
  department: string;

  @Field(() => String, { description: '部门' })
  label: string;

  @Field(() => Date, { nullable: true, description: 'Every change this department committed before this instant is in the view (null: never read).' })
  asOf: Date | null;

  @Field(() => Float, { nullable: true, description: 'Seconds between asOf and now.' })
  lagSeconds: number | null;

  @Field(() => Date, { nullable: true, description: 'When the read model was last rebuilt from this department.' })
  rebuiltAt: Date | null;
}

@ObjectType({ description: '数据时效 — how fresh a view is: the oldest of its departments, and each one.' })
export class Freshness {
  @Field(() => Date, { nullable: true, description: 'The view holds every change committed before this instant in all departments.' })
  asOf: Date | null;

  @Field(() => Float, { nullable: true, description: 'Seconds between asOf and now (the largest department lag).' })
  lagSeconds: number | null;

  @Field(() => [DepartmentFreshness])
  departments: DepartmentFreshness[];
}
