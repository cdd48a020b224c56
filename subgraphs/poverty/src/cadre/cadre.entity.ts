import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, maskPhone } from '@jiuye/common';

export const ResponsibleUnitKindVocabulary = defineVocabulary('ResponsibleUnitKind', '帮扶单位类别 — kind of responsible unit', {
  PARTY_GOVERNMENT: '党政机关',
  PUBLIC_INSTITUTION: '事业单位',
  STATE_ENTERPRISE: '国有企业',
  PRIVATE_ENTERPRISE: '民营企业',
  SOCIAL_ORGANISATION: '社会组织',
});
export const ResponsibleUnitKind = ResponsibleUnitKindVocabulary.enumObject;
export type ResponsibleUnitKind = keyof typeof ResponsibleUnitKind;

export const CadreRoleVocabulary = defineVocabulary('CadreRole', '帮扶干部类别 — what a cadre does for the villages they serve', {
  FIRST_SECRETARY: '驻村第一书记',
  RESIDENT_TEAM_MEMBER: '驻村工作队员',
  RESPONSIBLE_PERSON: '帮扶责任人',
});
export const CadreRole = CadreRoleVocabulary.enumObject;
export type CadreRole = keyof typeof CadreRole;

@ObjectType({ description: '挂包责任单位 — a unit (department, enterprise…) responsible for registered households, paired with villages.' })
@Entity({ tableName: 'responsible_unit' })
export class ResponsibleUnit {
  [OptionalProps]?: 'kind' | 'regionCode' | 'closedOn' | 'closeReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => ResponsibleUnitKind, { nullable: true, description: 'Empty on units recorded before it was asked.' })
  @Enum({ items: () => ResponsibleUnitKind, nullable: true })
  kind: ResponsibleUnitKind | null = null;

  /** The region whose poverty office keeps the unit (who may change it); not in the graph. */
  @Property({ type: 'string', length: 12, nullable: true })
  regionCode: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: '撤销 — no longer a responsible unit from this day.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;
}

@ObjectType({ description: '帮扶责任人 / 驻村工作队员 — a cadre helping registered households and villages (staff: name and masked phone only).' })
@Entity({ tableName: 'cadre' })
export class Cadre {
  [OptionalProps]?: 'phone' | 'phoneMasked' | 'role' | 'account';

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

  @Field(() => CadreRole)
  @Enum({ items: () => CadreRole })
  role: CadreRole = CadreRole.RESPONSIBLE_PERSON;

  /** Never exposed raw: see phoneMasked. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: '联系电话 (masked, 138****5678)' })
  get phoneMasked(): string | null {
    return maskPhone(this.phone);
  }

  @Field(() => String, {
    nullable: true,
    description:
      'The staff account the cadre signs in with (the `sub` of their token): the tasks of the households they answer for are assigned to it automatically. Empty: such tasks wait for an officer.',
  })
  @Property({ type: 'string', length: 128, nullable: true })
  account: string | null = null;
}

@ObjectType({ description: '驻村/帮扶 — a village a cadre serves, from when to when (ended, never deleted).' })
@Entity({ tableName: 'cadre_posting' })
export class CadrePosting {
  [OptionalProps]?: 'until' | 'endReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  cadreId: number;

  @Field(() => String, { description: '12-digit village code' })
  @Property({ type: 'string', length: 12 })
  @Index()
  villageCode: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  since: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; empty while serving.' })
  @Property({ type: 'date', nullable: true })
  until: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  endReason: string | null = null;
}

@ObjectType({ description: '结对帮扶 — a unit paired with a village, from when to when (ended, never deleted).' })
@Entity({ tableName: 'unit_pairing' })
export class UnitPairing {
  [OptionalProps]?: 'until' | 'endReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'integer' })
  @Index()
  unitId: number;

  @Field(() => String, { description: '12-digit village code' })
  @Property({ type: 'string', length: 12 })
  @Index()
  villageCode: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  since: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; empty while paired.' })
  @Property({ type: 'date', nullable: true })
  until: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  endReason: string | null = null;
}
