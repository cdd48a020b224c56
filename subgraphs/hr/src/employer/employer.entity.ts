import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, DivisionCodeScalar } from '@jiuye/common';

export const EmployerKindVocabulary = defineVocabulary('EmployerKind', '用工主体类别 — kind of employer in the registry', {
  ENTERPRISE: '企业',
  POVERTY_WORKSHOP: '扶贫车间',
  VILLAGE_FACTORY: '村级工厂',
  ASSISTANCE_BASE: '就业帮扶基地',
  COOPERATIVE: '合作社',
});
export const EmployerKind = EmployerKindVocabulary.enumObject;
export type EmployerKind = keyof typeof EmployerKind;
export const EMPLOYER_KIND_LABELS = EmployerKindVocabulary.labels;

@ObjectType({ description: '用工主体 — an employer: enterprise, poverty workshop (扶贫车间), village factory, assistance base or cooperative.' })
@Entity({ tableName: 'employer' })
@Index({ properties: ['kind', 'divisionCode'] })
export class Employer {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => EmployerKind)
  @Enum({ items: () => EmployerKind })
  kind: EmployerKind;

  @Field(() => DivisionCodeScalar, { description: 'Where it is: a village, township or (out of county) a county code.' })
  @Property({ type: 'string', length: 12 })
  @Index()
  divisionCode: string;

  @Field(() => String, { description: '统一社会信用代码 — unified social credit code, 18 characters.' })
  @Property({ type: 'string', length: 18, unique: true })
  creditCode: string;
}
