import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, todayInChina } from '@jiuye/common';

export const CareReasonVocabulary = defineVocabulary('CareReason', '照料原因 — whom a person has to look after', {
  ELDERLY: '照料老人',
  CHILD: '照看子女',
  DISABLED: '照料残疾家属',
  ILL: '照料重病家属',
});
export const CareReason = CareReasonVocabulary.enumObject;
export type CareReason = keyof typeof CareReason;

@ObjectType({ description: '照料义务 — a duty to care for someone at home, which keeps a worker near home.' })
@Entity({ tableName: 'care_duty' })
export class CareDuty {
  [OptionalProps]?: 'until' | 'active';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 32 })
  @Index()
  workerId: string;

  @Field(() => CareReason)
  @Enum({ items: () => CareReason })
  reason: CareReason;

  @Field(() => String, { description: 'Who is cared for (name as recorded by the township).' })
  @Property({ type: 'string', length: 60 })
  caredForName: string;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  since: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  until: string | null = null;

  /** Not stored, not a field: the person's household as civil affairs knows it, set by resolvers for access (access.ts). */
  householdCode?: string | null;

  @Field(() => Boolean)
  get active(): boolean {
    const today = todayInChina();
    return this.since <= today && (this.until === null || this.until >= today);
  }
}
