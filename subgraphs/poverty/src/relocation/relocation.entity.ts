import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';

@ObjectType({ description: '易地搬迁安置点 — a resettlement site for households relocated out of hardship areas.' })
@Entity({ tableName: 'relocation_site' })
export class RelocationSite {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => DivisionCodeScalar, { description: 'The township (9 digits) or village (12) where the site is.' })
  @Property({ type: 'string', length: 12 })
  @Index()
  divisionCode: string;

  @Field(() => Int, { description: 'Planned capacity, in households.' })
  @Property({ type: 'integer' })
  capacityHouseholds: number;
}
