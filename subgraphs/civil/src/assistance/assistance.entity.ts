import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, todayInChina } from '@jiuye/common';

export const AssistanceKindVocabulary = defineVocabulary('AssistanceKind', '社会救助类别 — kind of social assistance paid to a household', {
  SUBSISTENCE_ALLOWANCE: '最低生活保障（低保）',
  SPECIAL_HARDSHIP: '特困人员救助供养',
});
export const AssistanceKind = AssistanceKindVocabulary.enumObject;
export type AssistanceKind = keyof typeof AssistanceKind;
export const ASSISTANCE_KIND_LABELS = AssistanceKindVocabulary.labels;

@ObjectType({ description: '低保/特困 — a subsistence allowance or special-hardship support granted to a household.' })
@Entity({ tableName: 'assistance_grant' })
@Index({ properties: ['householdCode', 'startsOn'] })
export class AssistanceGrant {
  [OptionalProps]?: 'endsOn' | 'stopReason' | 'recordedAt' | 'active';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '户编号 — household code (village code + 4 digits)' })
  @Property({ type: 'string', length: 16 })
  householdCode: string;

  @Field(() => AssistanceKind)
  @Enum({ items: () => AssistanceKind })
  kind: AssistanceKind;

  @Field(() => Int, { description: 'Monthly amount in yuan.' })
  @Property({ type: 'integer' })
  monthlyAmount: number;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Empty while the grant is paid.' })
  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  stopReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Field(() => Boolean, { description: 'Being paid today (China Standard Time).' })
  get active(): boolean {
    return isActiveOn(this, todayInChina());
  }
}

export function isActiveOn(grant: Pick<AssistanceGrant, 'startsOn' | 'endsOn'>, day: string): boolean {
  return grant.startsOn <= day && (grant.endsOn === null || grant.endsOn >= day);
}
