import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

export const LeftBehindKind = { ELDERLY: 'ELDERLY', CHILD: 'CHILD', WOMAN: 'WOMAN' } as const;
export type LeftBehindKind = keyof typeof LeftBehindKind;
registerEnumType(LeftBehindKind, {
  name: 'LeftBehindKind',
  description: '三留守 — left-behind elderly, children or women',
  valuesConfig: { ELDERLY: { description: '留守老人' }, CHILD: { description: '留守儿童' }, WOMAN: { description: '留守妇女' } },
});

export const DisabilityKind = {
  VISUAL: 'VISUAL',
  HEARING: 'HEARING',
  SPEECH: 'SPEECH',
  PHYSICAL: 'PHYSICAL',
  INTELLECTUAL: 'INTELLECTUAL',
  MENTAL: 'MENTAL',
  MULTIPLE: 'MULTIPLE',
} as const;
export type DisabilityKind = keyof typeof DisabilityKind;
registerEnumType(DisabilityKind, {
  name: 'DisabilityKind',
  description: '残疾类别 — kind of disability (with the disabled persons\' federation)',
  valuesConfig: {
    VISUAL: { description: '视力残疾' },
    HEARING: { description: '听力残疾' },
    SPEECH: { description: '言语残疾' },
    PHYSICAL: { description: '肢体残疾' },
    INTELLECTUAL: { description: '智力残疾' },
    MENTAL: { description: '精神残疾' },
    MULTIPLE: { description: '多重残疾' },
  },
});

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
@Entity({ tableName: 'person_situation' })
export class PersonSituation {
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
