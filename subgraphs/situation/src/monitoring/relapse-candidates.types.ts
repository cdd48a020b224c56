import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, PageInfo, PovertyStatus } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { Household } from '../person/situation-person.types';
import { type Region, RegionType } from '../region/region.types';
import { WARNING_RULE_BY_ID, type WarningRow } from '../warning/rules';
import { WarningRuleId } from '../warning/warning.types';

/** A candidate household as relapseCandidatePage reads it, with the relapse rules that hold. */
export interface CandidateRow {
  code: string;
  village_code: string;
  village_name: string | null;
  poverty_status: string;
  matched: { rule: string; since: string | null; facts: Record<string, unknown> }[];
}

@ObjectType({ description: 'One relapse warning that holds for a candidate household.' })
export class RelapseSignal {
  @Field(() => WarningRuleId, { description: 'Pass as sourceRule to openMonitoringCase (entryRoute DEPARTMENT_DATA).' })
  rule: string;

  @Field(() => String)
  label: string;

  @Field(() => LocalDateScalar, { nullable: true })
  since: string | null;

  @Field(() => String, { description: '预警原因 (dates and facts; no name, no ID number)' })
  reason: string;
}

@ObjectType({ description: '防返贫监测候选 — a registered poor or lifted household flagged by a relapse warning, not under an open monitoring case.' })
export class RelapseCandidate {
  constructor(readonly record: CandidateRow) {}

  @Field(() => String, { description: '户编号' })
  get householdCode(): string {
    return this.record.code;
  }

  @Field(() => Household, { description: 'The household (poverty’s fields, e.g. monitoringCases, through the gateway).' })
  get household(): Household {
    return { code: this.record.code };
  }

  @Field(() => String, { description: '村（社区）代码' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => PovertyStatus, { description: '户贫困状态 (poverty, as the read model holds it)' })
  get povertyStatus(): string {
    return this.record.poverty_status;
  }

  @Field(() => [RelapseSignal], { description: 'The relapse rules that hold today (at most three).' })
  get signals(): RelapseSignal[] {
    return this.record.matched.map((m) => {
      const rule = WARNING_RULE_BY_ID.get(m.rule)!;
      return { rule: rule.id, label: rule.label, since: m.since, reason: rule.reason({ facts: m.facts } as unknown as WarningRow) };
    });
  }
}

@ObjectType()
export class RelapseCandidatePage {
  @Field(() => RegionType)
  region: Region;

  @Field(() => [RelapseCandidate], { description: 'By household code.' })
  nodes: RelapseCandidate[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}
