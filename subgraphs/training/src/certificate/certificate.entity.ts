import { Entity, Enum, Formula, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, Trade } from '@jiuye/common';

/** 职业技能等级: the national five-grade scale, lower number = higher grade. */
export const SKILL_GRADE_LABELS: Record<number, string> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};
export const SKILL_GRADE_DESCRIPTION = '职业技能等级 1–5: 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师';

@ObjectType({ description: '职业技能等级证书 — a vocational skill certificate held by a worker.' })
@Entity({ tableName: 'certificate' })
@Index({ properties: ['workerId', 'trade'] })
export class Certificate {
  [OptionalProps]?: 'enrolmentId' | 'recordedAt' | 'gradeLabel' | 'institutionId';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  /** Served by the (worker_id, trade) index, which also answers certifiedTrades from the index alone. */
  @Property({ type: 'string', length: 32 })
  workerId: string;

  /** Kept for matching with the other departments' lists; never exposed in the graph. */
  @Property({ type: 'string', length: 18 })
  @Index()
  idNumber: string;

  /** The enrolment that led to it; empty for certificates obtained elsewhere or earlier. */
  @Property({ type: 'integer', nullable: true })
  @Index()
  enrolmentId: number | null = null;

  /**
   * The institution of the training that led to it (empty when obtained elsewhere), read in the
   * same statement as the row: who may see the certificate (access.ts). Not a column, never in the graph.
   */
  @Formula(
    (alias) => `(select c.institution_id from enrolment e join training_class tc on tc.id = e.class_id join course c on c.id = tc.course_id where e.id = ${alias}.enrolment_id)`,
    { type: 'integer', nullable: true },
  )
  institutionId?: number | null;

  @Field(() => Trade, { description: '工种' })
  @Enum({ items: () => Trade })
  trade: Trade;

  @Field(() => Int, { description: SKILL_GRADE_DESCRIPTION })
  @Property({ type: 'smallint' })
  grade: number;

  @Field(() => String, { description: '证书编号 — unique certificate number.' })
  @Property({ type: 'string', length: 40, unique: true })
  number: string;

  @Field(() => LocalDateScalar, { description: '发证日期' })
  @Property({ type: 'date' })
  issuedOn: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Field(() => String, { description: 'The grade as officials write it, e.g. 四级/中级工.' })
  get gradeLabel(): string {
    return SKILL_GRADE_LABELS[this.grade] ?? String(this.grade);
  }
}
