import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar } from '@jiuye/common';

export const LeftBehindKindVocabulary = defineVocabulary('LeftBehindKind', '三留守 — left-behind elderly, children or women', {
  ELDERLY: '留守老人',
  CHILD: '留守儿童',
  WOMAN: '留守妇女',
});
export const LeftBehindKind = LeftBehindKindVocabulary.enumObject;
export type LeftBehindKind = keyof typeof LeftBehindKind;

export const DisabilityKindVocabulary = defineVocabulary('DisabilityKind', "残疾类别 — kind of disability (with the disabled persons' federation)", {
  VISUAL: '视力残疾',
  HEARING: '听力残疾',
  SPEECH: '言语残疾',
  PHYSICAL: '肢体残疾',
  INTELLECTUAL: '智力残疾',
  MENTAL: '精神残疾',
  MULTIPLE: '多重残疾',
});
export const DisabilityKind = DisabilityKindVocabulary.enumObject;
export type DisabilityKind = keyof typeof DisabilityKind;

@ObjectType({ description: '残疾 — a certified disability; grade 1 is the most severe, 4 the mildest.' })
export class Disability {
  @Field(() => DisabilityKind)
  kind: DisabilityKind;

  @Field(() => Int, { description: '残疾等级 1 (most severe) to 4' })
  grade: number;

  @Field(() => LocalDateScalar, { nullable: true })
  certifiedOn: string | null;
}

/** Civil affairs' facts about one person; keyed by the worker pseudonym. */
@Entity({ tableName: 'person_circumstance' })
export class PersonCircumstance {
  [OptionalProps]?: 'householdCode' | 'leftBehind' | 'disabilityKind' | 'disabilityGrade' | 'disabilityCertifiedOn' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 32 })
  workerId: string;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  @Index()
  idNumber: string;

  @Property({ type: 'string', length: 16, nullable: true })
  @Index()
  householdCode: string | null = null;

  @Enum({ items: () => LeftBehindKind, nullable: true })
  leftBehind: LeftBehindKind | null = null;

  @Enum({ items: () => DisabilityKind, nullable: true })
  disabilityKind: DisabilityKind | null = null;

  @Property({ type: 'smallint', nullable: true })
  disabilityGrade: number | null = null;

  @Property({ type: 'date', nullable: true })
  disabilityCertifiedOn: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
