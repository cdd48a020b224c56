import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';

export const INSTITUTION_KIND_LABELS = {
  TECHNICAL_SCHOOL: '技工学校',
  TRAINING_CENTRE: '职业培训机构',
  ENTERPRISE: '企业培训中心',
} as const;
export type InstitutionKind = keyof typeof INSTITUTION_KIND_LABELS;
export const InstitutionKind = { TECHNICAL_SCHOOL: 'TECHNICAL_SCHOOL', TRAINING_CENTRE: 'TRAINING_CENTRE', ENTERPRISE: 'ENTERPRISE' } as const;
registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description: '培训机构类别 — kind of training institution',
  valuesConfig: {
    TECHNICAL_SCHOOL: { description: INSTITUTION_KIND_LABELS.TECHNICAL_SCHOOL },
    TRAINING_CENTRE: { description: INSTITUTION_KIND_LABELS.TRAINING_CENTRE },
    ENTERPRISE: { description: INSTITUTION_KIND_LABELS.ENTERPRISE },
  },
});

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
