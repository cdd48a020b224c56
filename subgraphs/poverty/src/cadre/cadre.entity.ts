import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { maskPhone } from '@jiuye/common';

@ObjectType({ description: '挂包责任单位 — a unit (department, enterprise…) responsible for registered households.' })
@Entity({ tableName: 'responsible_unit' })
export class ResponsibleUnit {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;
}

@ObjectType({ description: '帮扶责任人 — a cadre responsible for helping registered households.' })
@Entity({ tableName: 'cadre' })
export class Cadre {
  [OptionalProps]?: 'phone' | 'phoneMasked';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '姓名' })
  @Property({ type: 'string', length: 60 })
  name: string;

  /** The cadre's unit; exposed as `unit`. */
  @Property({ type: 'integer' })
  @Index()
  unitId: number;

  /** Never exposed raw: see phoneMasked. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: '联系电话 (masked, 138****5678)' })
  get phoneMasked(): string | null {
    return maskPhone(this.phone);
  }
}
