import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ageOn, defineVocabulary, LocalDateScalar, Sex, todayInChina } from '@jiuye/common';

export const RelationshipVocabulary = defineVocabulary('Relationship', '与户主关系 — relationship to the head of household', {
  HEAD: '户主',
  SPOUSE: '配偶',
  CHILD: '子女',
  PARENT: '父母',
  GRANDCHILD: '孙子女',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
});
export const Relationship = RelationshipVocabulary.enumObject;
export type Relationship = keyof typeof Relationship;

/**
 * A member of a registered household (建档立卡户成员). Members leave (marriage, death, moving
 * out): the row stays with removedOn set, so the household's composition over time is kept.
 * A person is a current member of at most one registered household.
 */
@ObjectType({ description: '建档立卡户成员 — a member of a registered household.' })
@Entity({ tableName: 'household_member' })
@Unique({ properties: ['householdCode', 'workerId'] })
@Unique({
  name: 'household_member_current_worker_unique',
  expression: 'create unique index "household_member_current_worker_unique" on "household_member" ("worker_id") where "removed_on" is null',
})
export class HouseholdMember {
  [OptionalProps]?: 'removedOn' | 'removalReason' | 'recordedAt' | 'age' | 'current';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '户编号' })
  @Property({ type: 'string', length: 16 })
  @Index()
  householdCode: string;

  /** workerPseudonym(idNumber): the federated Worker key; exposed as `worker`. */
  @Property({ type: 'string', length: 32 })
  @Index()
  workerId: string;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  @Index()
  idNumber: string;

  @Field(() => String, { description: '姓名' })
  @Property({ type: 'string', length: 60 })
  name: string;

  @Field(() => Sex, { description: '性别 (from the ID number)' })
  @Enum({ items: () => Sex })
  sex: Sex;

  /** From the ID number; hr owns Worker.birthDate, members show the age only. */
  @Property({ type: 'date' })
  birthDate: string;

  @Field(() => Relationship)
  @Enum({ items: () => Relationship })
  relationship: Relationship;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the person left the household (出嫁, 死亡, 迁出…); empty while a member.' })
  @Property({ type: 'date', nullable: true })
  removedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the person left.' })
  @Property({ type: 'string', length: 200, nullable: true })
  removalReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Field(() => Int, { description: '年龄 — age in whole years today (China Standard Time).' })
  get age(): number {
    return ageOn(this.birthDate, todayInChina());
  }

  @Field(() => Boolean, { description: 'Still a member (not removed).' })
  get current(): boolean {
    return this.removedOn === null;
  }
}

/** Head first, then in the order they were recorded. */
export function headFirst(a: HouseholdMember, b: HouseholdMember): number {
  const head = Number(b.relationship === 'HEAD') - Number(a.relationship === 'HEAD');
  return head !== 0 ? head : a.id - b.id;
}
