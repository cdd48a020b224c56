import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, DivisionCodeScalar, LocalDateScalar } from '@jiuye/common';

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

/** Kinds the county certifies (认定: 就业扶贫车间认定管理办法, 就业扶贫基地认定和补贴办法): they carry a certification date. */
export const CERTIFIED_EMPLOYER_KINDS: readonly EmployerKind[] = ['POVERTY_WORKSHOP', 'VILLAGE_FACTORY', 'ASSISTANCE_BASE'];
/** Kinds that are set up in a village or township of the county, never elsewhere. */
export const LOCAL_EMPLOYER_KINDS: readonly EmployerKind[] = ['POVERTY_WORKSHOP', 'VILLAGE_FACTORY', 'COOPERATIVE'];

@ObjectType({ description: '用工主体 — an employer: enterprise, poverty workshop (扶贫车间), village factory, assistance base or cooperative.' })
@Entity({ tableName: 'employer' })
@Index({ properties: ['kind', 'divisionCode'] })
export class Employer {
  [OptionalProps]?: 'certifiedOn' | 'closedOn' | 'closeReason' | 'keptByCode' | 'keeperCode' | 'open';

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

  @Field(() => LocalDateScalar, { nullable: true, description: '认定日期 — the day the county certified it (workshops, village factories and assistance bases).' })
  @Property({ type: 'date', nullable: true })
  certifiedOn: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it closed (注销/停办); empty while it operates. Closed employers stay: records point to them.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it closed.' })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;

  /**
   * The hr office that keeps the record when the employer lies outside it (a partner city's or
   * another county's firm, recorded by the county): its region code. Empty for employers kept
   * where they are. Not in the graph: it only decides who may change the record.
   */
  @Property({ type: 'string', length: 12, nullable: true })
  @Index()
  keptByCode: string | null = null;

  /** The division whose hr officers may change this employer. */
  get keeperCode(): string {
    return this.keptByCode ?? this.divisionCode;
  }

  @Field(() => Boolean, { description: 'Operating (not closed).' })
  get open(): boolean {
    return this.closedOn === null;
  }
}
