import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, DEPARTMENT_LABELS, LocalDateScalar, PageInfo } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { SituationPerson, type PersonRecord } from '../person/situation-person.types';
import { RegionType } from '../region/region.types';
import { CONFLICT_RULE_BY_KIND, CONFLICT_RULES } from './rules';

export const ConflictKindVocabulary = defineVocabulary(
  'ConflictKind',
  '数据比对冲突类别 — facts of two departments that cannot both be true',
  Object.fromEntries(CONFLICT_RULES.map((rule) => [rule.kind, rule.label])) as Record<string, string>,
);
export const ConflictKind = ConflictKindVocabulary.enumObject;

export const ConflictStatusVocabulary = defineVocabulary('ConflictStatus', '冲突处理状态', {
  OPEN: '待处理',
  RESOLVED: '已处理（事实未再变化）',
});
export const ConflictStatus = ConflictStatusVocabulary.enumObject;
export type ConflictStatusValue = keyof typeof ConflictStatus;

/** One source of a conflict as the SQL returns it. */
export interface SourceFact {
  department: string;
  since: string | null;
  values: Record<string, unknown>;
}

/** A conflict row: the rule's subject, both sources, the fingerprint and the resolution that matches it (if any). */
export interface ConflictRow {
  kind: string;
  village_code: string;
  village_name: string | null;
  subject: string;
  worker_id: string | null;
  household_code: string;
  a: SourceFact;
  b: SourceFact;
  a_display: Record<string, unknown>;
  b_display: Record<string, unknown>;
  fingerprint: string;
  note: string | null;
  kept_source: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

@ObjectType({ description: "冲突来源 — one department's fact." })
export class ConflictSource {
  @Field(() => String, { description: 'hr, poverty, civil, training or partner' })
  department: string;

  @Field(() => String, { description: '部门' })
  departmentLabel: string;

  @Field(() => String, { description: '登记事实' })
  fact: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Since when the department has held the fact, where known.' })
  since: string | null;
}

@ObjectType({ description: '冲突处理 — how an official settled a conflict.' })
export class ConflictResolution {
  @Field(() => String, { description: '处理说明' })
  note: string;

  @Field(() => String, { nullable: true, description: 'The department whose fact was kept (null: neither said).' })
  keptSource: string | null;

  @Field(() => String, { description: 'The staff account that resolved it.' })
  resolvedBy: string;

  @Field(() => Date)
  resolvedAt: Date;
}

@ObjectType({ description: "数据比对冲突 — two departments' facts about a person or household that cannot both be true." })
export class Conflict {
  constructor(
    readonly record: ConflictRow,
    readonly personRecord: PersonRecord | null,
  ) {}

  @Field(() => ID, { description: 'Stable: kind and subject (worker key or household code).' })
  get id(): string {
    return `${this.record.kind}:${this.record.subject}`;
  }

  @Field(() => ConflictKind)
  get kind(): string {
    return this.record.kind;
  }

  @Field(() => String, { description: '冲突类别名称' })
  get label(): string {
    return CONFLICT_RULE_BY_KIND.get(this.record.kind)!.label;
  }

  @Field(() => SituationPerson, { nullable: true, description: 'The person (null for household conflicts).' })
  get person(): SituationPerson | null {
    return this.personRecord ? new SituationPerson(this.personRecord) : null;
  }

  @Field(() => String, { description: '户编号' })
  get householdCode(): string {
    return this.record.household_code;
  }

  @Field(() => String, { description: '村（社区）代码' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => [ConflictSource], { description: 'The two facts that cannot both be true.' })
  get sources(): ConflictSource[] {
    const rule = CONFLICT_RULE_BY_KIND.get(this.record.kind)!;
    return [
      [this.record.a, this.record.a_display],
      [this.record.b, this.record.b_display],
    ].map(([fact, display], index) => {
      const source = fact as SourceFact;
      return {
        department: source.department,
        departmentLabel: DEPARTMENT_LABELS[source.department as keyof typeof DEPARTMENT_LABELS] ?? source.department,
        fact: rule.sources[index].fact({ ...source.values, ...(display as Record<string, unknown>) }),
        since: source.since,
      };
    });
  }

  @Field(() => ConflictStatus, { description: 'RESOLVED while both facts are as they were when resolved; OPEN otherwise.' })
  get status(): ConflictStatusValue {
    return this.record.resolved_by ? 'RESOLVED' : 'OPEN';
  }

  @Field(() => ConflictResolution, { nullable: true })
  get resolution(): ConflictResolution | null {
    const r = this.record;
    return r.resolved_by ? { note: r.note!, keptSource: r.kept_source, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at! } : null;
  }
}

@ObjectType({ description: 'How many conflicts of one kind the list holds in the region.' })
export class ConflictKindCount {
  @Field(() => ConflictKind)
  kind: string;

  @Field(() => String)
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: '数据比对冲突清单 — one page over a region.' })
export class ConflictPage {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => [Conflict], { description: 'Ordered by kind, village, subject.' })
  nodes: Conflict[];

  @Field(() => Int, { description: 'Conflicts matching the filters in the region (all pages).' })
  totalCount: number;

  @Field(() => [ConflictKindCount], { description: 'Per kind in the region with the status filter, whatever the kind filter (every kind, 0 included).' })
  countsByKind: ConflictKindCount[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}

@InputType({ description: "Settle a conflict: what was found and which department's fact holds." })
export class ResolveConflictInput {
  @Field(() => ID, { description: 'Conflict.id' })
  conflictId: string;

  @Field(() => String, { description: '处理说明, 1–500 characters (no ID numbers).' })
  note: string;

  @Field(() => String, { nullable: true, description: 'The department whose fact is right: one of the two sources (optional).' })
  keptSource?: string | null;
}
