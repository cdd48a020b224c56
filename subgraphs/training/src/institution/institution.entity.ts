import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, DivisionCodeScalar } from '@jiuye/common';

export const InstitutionKindVocabulary = defineVocabulary('InstitutionKind', '培训机构类别 — kind of training institution', {
  TECHNICAL_SCHOOL: '技工学校',
  TRAINING_CENTRE: '职业培训机构',
  ENTERPRISE: '企业培训中心',
});
export const InstitutionKind = InstitutionKindVocabulary.enumObject;
export type InstitutionKind = keyof typeof InstitutionKind;
export const INSTITUTION_KIND_LABELS = InstitutionKindVocabulary.labels;

@ObjectType({ description: '培训机构 / 技工学校 — an institution that runs vocational training courses.' })
@Entity({ tableName: 'institution' })
export class Institution {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => InstitutionKind)
  @Enum({ items: () => InstitutionKind })
  @Index()
  kind: InstitutionKind;

  @Field(() => DivisionCodeScalar, { description: '所在区划 — the division (usually a township) the institution is in.' })
  @Property({ type: 'string', length: 12 })
  @Index()
  divisionCode: string;
}
