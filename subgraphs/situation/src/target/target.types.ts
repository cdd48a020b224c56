import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { defineVocabulary } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { IndicatorPeriod } from '../indicator/indicator.types';
import { SuppressedCount, SuppressedRate } from '../indicator/suppression';
import { RegionType } from '../region/region.types';

export const TargetMeasureVocabulary = defineVocabulary(
  'TargetMeasure',
  '目标任务指标 — what a target counts; each is counted exactly as the indicator it names (Query.indicators), so a completion figure agrees with the indicator of the same region and period.',
  {
    NEW_TRANSFERS: '新增转移就业（人）: Indicators.newTransfers — distinct workers whose transfer started within the period',
    WELFARE_POSTS: '公益性岗位安置（个）: Indicators.welfarePostsFilled — posts open on the period’s stock day with an assignment open then',
    TRAINING_PLACES: '技能培训（人）: Indicators.training.participants — workers enrolled in a class that ran during the period',
    EMPLOYED_POOR_LABOURERS:
      '贫困劳动力务工就业（人）: Indicators.byPovertyStatus employed of 未脱贫 + 已脱贫 (建档立卡 able labourers who are employed) — a current stock, like the indicator, whatever the period',
  },
);
export type TargetMeasure = (typeof TargetMeasureVocabulary.values)[number];
export const TargetMeasure = TargetMeasureVocabulary.enumObject;

/** Short Chinese names of the measures (headers, labels). */
export const MEASURE_NAMES: Record<TargetMeasure, string> = {
  NEW_TRANSFERS: '转移就业',
  WELFARE_POSTS: '公益性岗位安置',
  TRAINING_PLACES: '技能培训',
  EMPLOYED_POOR_LABOURERS: '贫困劳动力务工就业',
};

@InputType({ description: 'One region’s target.' })
export class RegionTargetInput {
  @Field(() => String, { description: 'The county itself, or one of its townships (9 digits) or villages (12 digits).' })
  region: string;

  @Field(() => Int, { description: 'Target, a whole number from 0 to 1 000 000.' })
  target: number;
}

@InputType({ description: '下达目标任务 — targets of one period and measure, for any regions of the caller’s county.' })
export class SetTargetsInput {
  @Field(() => String, { description: "A year '2026' or a quarter '2026-Q1'." })
  period: string;

  @Field(() => TargetMeasure)
  measure: TargetMeasure;

  @Field(() => [RegionTargetInput], { description: '1 to 1000 regions, each at most once. A region already holding a target for the period and measure gets the new one.' })
  targets: RegionTargetInput[];
}

@InputType({ description: '撤销目标任务 — withdraw the targets of one period and measure from regions of the caller’s county.' })
export class RemoveTargetsInput {
  @Field(() => String, { description: "A year '2026' or a quarter '2026-Q1'." })
  period: string;

  @Field(() => TargetMeasure)
  measure: TargetMeasure;

  @Field(() => [String], { description: '1 to 1000 regions, each at most once, each holding a target for the period and measure.' })
  regions: string[];
}

@ObjectType({ description: '目标任务 — the target of one region, period and measure.' })
export class Target {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => String, { description: "'2026' or '2026-Q1'." })
  period: string;

  @Field(() => TargetMeasure)
  measure: TargetMeasure;

  @Field(() => Int)
  target: number;

  @Field(() => Date, { description: 'When it was last set (its history: change_history of the situation database).' })
  setAt: Date;
}

@ObjectType({ description: 'Targets of a region and its subregions.' })
export class TargetList {
  @Field(() => String)
  period: string;

  @Field(() => TargetMeasure)
  measure: TargetMeasure;

  @Field(() => [Target], { description: 'The region’s own target and every subregion’s (townships, villages), by region code.' })
  targets: Target[];
}

@ObjectType({
  description:
    '完成情况 — one region against its target. For dashboard accounts the actual figure is the published indicator cell (the same small-cell suppression pattern as Query.indicators) and the rate is withheld whenever the actual is, so rate × target never gives a withheld count back.',
})
export class CompletionRow {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => Int, { nullable: true, description: '目标: the region’s own target; null when none is set.' })
  target: number | null;

  @Field(() => Int, { nullable: true, description: 'The sum of the targets set for its subregions (null when none is set): how much of the target has been handed down.' })
  subregionTargets: number | null;

  @Field(() => SuppressedCount, { description: '完成数: the indicator of the measure for the region and period (exact for department staff).' })
  actual: SuppressedCount;

  @Field(() => Float, { nullable: true, description: '完成率 = actual ÷ target (may exceed 1); null when there is no target, the target is 0, or the actual is withheld.' })
  completionRate: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '名次 by completionRate, highest first, standard competition ranking ("1224") among the subregions that have a rate; null without a rate.',
  })
  rank: number | null;
}

@ObjectType({ description: '目标完成情况 — a region and each of its subregions against their targets for one period and measure.' })
export class Completion {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => IndicatorPeriod)
  period: IndicatorPeriod;

  @Field(() => TargetMeasure)
  measure: TargetMeasure;

  @Field(() => Int, { nullable: true, description: 'The suppression threshold applied (dashboards), or null when counts are exact (department staff).' })
  threshold: number | null;

  @Field(() => CompletionRow, { description: 'The region itself.' })
  total: CompletionRow;

  @Field(() => [CompletionRow], { description: 'Each subregion (a county’s townships, a township’s villages; none for a village), by region code.' })
  subregions: CompletionRow[];

  @Field(() => Freshness)
  freshness: Freshness;
}

@ObjectType({ description: '季度考核 — one township or responsible unit in the quarterly assessment (转移就业).' })
export class AssessmentRow {
  @Field(() => String, { description: 'The township code, or the responsible unit’s name (units are known to the read model by name).' })
  key: string;

  @Field(() => String, { description: '乡镇 or 挂包责任单位 name.' })
  name: string;

  @Field(() => [String], { description: 'The villages it answers for (a unit: the villages of the households it is responsible for now).' })
  villageCodes: string[];

  @Field(() => Int, {
    nullable: true,
    description: '年度目标: a township’s own year target, else the sum of its villages’; a unit: the sum of its villages’ year targets. null: none set.',
  })
  yearTarget: number | null;

  @Field(() => Int, { nullable: true, description: '季度目标 (the quarter’s targets, as yearTarget).' })
  quarterTarget: number | null;

  @Field(() => SuppressedCount, { description: '本季度完成: new transfers within the quarter.' })
  quarterActual: SuppressedCount;

  @Field(() => Float, { nullable: true, description: '季度完成率 = quarterActual ÷ quarterTarget.' })
  quarterRate: number | null;

  @Field(() => SuppressedCount, { description: '年累计完成: new transfers from 1 January to the quarter’s last day.' })
  yearToDate: SuppressedCount;

  @Field(() => Float, { nullable: true, description: '年度完成率 = yearToDate ÷ yearTarget.' })
  yearRate: number | null;

  @Field(() => SuppressedRate, { description: '稳岗率 as of the quarter’s last day (or today while it runs), counted as Indicators.retention over its villages.' })
  retention: SuppressedRate;

  @Field(() => Int, { nullable: true, description: '名次 by yearRate among the rows of its table that have one (competition ranking).' })
  rank: number | null;
}

@ObjectType({ description: '季度考核表（转移就业）— a county’s townships and responsible units for one quarter: targets, completion and retention.' })
export class Assessment {
  @Field(() => RegionType)
  county: RegionType;

  @Field(() => String, { description: "'2026-Q2'" })
  quarter: string;

  @Field(() => String, { description: '2026年第2季度' })
  label: string;

  @Field(() => Int, { nullable: true, description: 'The suppression threshold applied (dashboards), or null when counts are exact.' })
  threshold: number | null;

  @Field(() => [AssessmentRow], { description: 'Every township of the county, by code.' })
  townships: AssessmentRow[];

  @Field(() => [AssessmentRow], {
    description:
      '挂包责任单位: every unit responsible for households of the county now, with the villages of those households (一荣俱荣、一损俱损: a unit answers for its villages’ whole targets and figures; a village with two units counts for both). By name.',
  })
  units: AssessmentRow[];

  @Field(() => Freshness)
  freshness: Freshness;
}

@ObjectType({ description: '目标调整记录 — one change of a target, from the change history (common/src/history.ts).' })
export class TargetChange {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'The staff account that made it (its id, as the history keeps it).' })
  actor: string;

  @Field(() => String, { description: 'INSERT (first set), UPDATE (changed) or DELETE (withdrawn: removeTargets).' })
  operation: string;

  @Field(() => RegionType)
  region: RegionType;

  @Field(() => String)
  period: string;

  @Field(() => TargetMeasure)
  measure: TargetMeasure;

  @Field(() => Int, { nullable: true, description: 'The target before (null when first set).' })
  before: number | null;

  @Field(() => Int, { nullable: true, description: 'The target after (null when withdrawn).' })
  after: number | null;
}
