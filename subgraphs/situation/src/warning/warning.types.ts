import { Field, ID, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar, PageInfo } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { SituationPerson, type PersonRecord } from '../person/situation-person.types';
import { RegionType } from '../region/region.types';
import { WARNING_RULE_BY_ID, WARNING_RULES, type Responsible, type WarningRow } from './rules';

export const WarningRuleIdVocabulary = defineVocabulary(
  'WarningRuleId',
  '预警规则 — the registered early-warning rules (see Query.warningRules)',
  Object.fromEntries(WARNING_RULES.map((rule) => [rule.id, rule.label])) as Record<string, string>,
);
export const WarningRuleId = WarningRuleIdVocabulary.enumObject;

export const WarningLevelVocabulary = defineVocabulary('WarningLevel', '预警等级', {
  RED: '红色预警',
  ORANGE: '橙色预警',
  YELLOW: '黄色预警',
});
export const WarningLevel = WarningLevelVocabulary.enumObject;

export const ResponsibleKindVocabulary = defineVocabulary('WarningResponsibleKind', '预警责任人类别', {
  CADRE: '帮扶责任人（扶贫）',
  VILLAGE_ASSISTANT: '村劳动保障协理员',
  PARTNER_STATION: '协作城市劳务工作站',
  INSTITUTION: '培训机构',
});
export const ResponsibleKind = ResponsibleKindVocabulary.enumObject;

@ObjectType({ description: '预警责任人 — who acts on a warning.' })
export class WarningResponsible {
  @Field(() => ResponsibleKind)
  kind: string;

  @Field(() => String, { description: '责任人或责任岗位' })
  name: string;

  @Field(() => String, { nullable: true, description: '单位（挂包单位、村、协作城市或培训机构）' })
  unit: string | null;
}

@ObjectType({ description: '预警 — one early warning: a rule that holds for a person or household today.' })
export class EarlyWarning {
  constructor(
    readonly record: WarningRow,
    readonly personRecord: PersonRecord | null,
  ) {}

  @Field(() => ID, { description: 'Stable: rule and subject.' })
  get id(): string {
    return `${this.record.rule}:${this.record.subject}`;
  }

  @Field(() => WarningRuleId)
  get rule(): string {
    return this.record.rule;
  }

  @Field(() => String, { description: '预警规则名称' })
  get ruleLabel(): string {
    return WARNING_RULE_BY_ID.get(this.record.rule)!.label;
  }

  @Field(() => WarningLevel)
  get level(): string {
    return WARNING_RULE_BY_ID.get(this.record.rule)!.level;
  }

  @Field(() => [String], { description: 'The departments whose facts raised it (hr, poverty, civil, training, partner).' })
  get departments(): string[] {
    return WARNING_RULE_BY_ID.get(this.record.rule)!.departments;
  }

  @Field(() => String, { description: '预警原因 (with the dates and facts)' })
  get reason(): string {
    return WARNING_RULE_BY_ID.get(this.record.rule)!.reason(this.record);
  }

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the situation behind the warning began, where known (e.g. the day the job ended, the last follow-up).' })
  get since(): string | null {
    return this.record.since;
  }

  @Field(() => WarningResponsible, { description: '责任人' })
  get responsible(): Responsible {
    return WARNING_RULE_BY_ID.get(this.record.rule)!.responsible(this.record);
  }

  @Field(() => SituationPerson, { nullable: true, description: 'The person (null for household rules).' })
  get person(): SituationPerson | null {
    return this.personRecord ? new SituationPerson(this.personRecord) : null;
  }

  @Field(() => String, { nullable: true, description: '户编号 — department staff of the region (null with FORBIDDEN for partner cities, as in the departments)' })
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
}

@ObjectType({ description: 'How many warnings one rule raises in the region.' })
export class WarningRuleCount {
  @Field(() => WarningRuleId)
  rule: string;

  @Field(() => String)
  label: string;

  @Field(() => WarningLevel)
  level: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: '预警规则 — a registered rule.' })
export class WarningRuleInfo {
  @Field(() => WarningRuleId)
  id: string;

  @Field(() => String, { description: '名称' })
  label: string;

  @Field(() => WarningLevel)
  level: string;

  @Field(() => String, { description: 'PERSON or HOUSEHOLD: what one warning is about.' })
  subject: string;

  @Field(() => [String], { description: 'The departments whose facts the rule combines.' })
  departments: string[];

  @Field(() => String, { description: '触发条件' })
  description: string;
}

@ObjectType({ description: '预警清单 — one page of the early warnings over a region.' })
export class WarningPage {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => [EarlyWarning], { description: 'Ordered by level (red first), rule, village, subject.' })
  nodes: EarlyWarning[];

  @Field(() => Int, { description: 'Warnings matching the filters in the region (all pages).' })
  totalCount: number;

  @Field(() => [WarningRuleCount], { description: 'Per rule in the region, whatever the rule and level filters (every registered rule, 0 included).' })
  countsByRule: WarningRuleCount[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}
