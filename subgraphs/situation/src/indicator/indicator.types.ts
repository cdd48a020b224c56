import { Field, Int, ObjectType } from 'type-graphql';
import { defineVocabulary, EmploymentPlace, LocalDateScalar } from '@jiuye/common';
import { POVERTY_GROUPS, type PovertyGroup } from '../sql/conditions';
import { Freshness } from '../freshness/freshness.types';
import { RegionType } from '../region/region.types';
import { SuppressedAmount, SuppressedCount, SuppressedRate } from './suppression';
import { SeriesStockSource } from './stock-source';

@ObjectType({ description: '统计期 — the reporting period an indicator set covers.' })
export class IndicatorPeriod {
  @Field(() => String, { description: "As asked: '2026', '2026-Q4', '2026-11' or '2026-W47'." })
  code: string;

  @Field(() => String, { description: '名称, e.g. 2026年第4季度' })
  label: string;

  @Field(() => LocalDateScalar, { description: 'First day (included).' })
  from: string;

  @Field(() => LocalDateScalar, { description: 'Last day (included).' })
  to: string;

  @Field(() => LocalDateScalar, { description: 'The day stock figures are taken on: the last day, or today while the period is still running.' })
  asOf: string;
}

@ObjectType({ description: '按就业地点 — employed labourers by where they work.' })
export class PlaceCount {
  @Field(() => EmploymentPlace, { nullable: true, description: 'null: employed, but hr holds no current employment record with a place.' })
  place: string | null;

  @Field(() => String, { description: '中文名称' })
  label: string;

  @Field(() => SuppressedCount)
  people: SuppressedCount;
}

@ObjectType({ description: '技能培训 — training figures of the period (people, not enrolments: a worker counts once per figure).' })
export class TrainingIndicators {
  @Field(() => SuppressedCount, { description: '参训人数: workers enrolled in a class that ran during the period (any status).' })
  participants: SuppressedCount;

  @Field(() => SuppressedCount, { description: '结业人数: workers who completed a course (completed_on) within the period.' })
  completions: SuppressedCount;

  @Field(() => SuppressedCount, { description: '中期培训结业人数: workers who completed a MEDIUM_TERM course within the period.' })
  mediumTermCompleted: SuppressedCount;

  @Field(() => SuppressedCount, {
    description:
      '中期培训后3个月内就业人数: of mediumTermCompleted, those with an employment date (employed_on) on or before completed_on + 3 months. Completions of the last 3 months may still turn into jobs.',
  })
  employedWithin3Months: SuppressedCount;

  @Field(() => SuppressedRate, { description: '中期培训后3个月内就业率 = employedWithin3Months ÷ mediumTermCompleted (Baoji target: above 65 %).' })
  employedWithin3MonthsRate: SuppressedRate;
}

@ObjectType({ description: '一类补贴 — subsidies of one kind paid in the period.' })
export class SubsidyKindFigure {
  @Field(() => String, { description: 'ONE_OFF_EMPLOYMENT, TRAVEL_FARE, TRAINING_LIVING, WELFARE_POST_ALLOWANCE or ENTREPRENEURSHIP' })
  kind: string;

  @Field(() => String, { description: '补贴类别' })
  label: string;

  @Field(() => SuppressedAmount, { description: '发放金额（元）; suppressed with people.' })
  amount: SuppressedAmount;

  @Field(() => SuppressedCount, { description: '发放人数 (distinct workers)' })
  people: SuppressedCount;
}

@ObjectType({ description: '补贴发放 — subsidies paid (paid_on) within the period.' })
export class SubsidyIndicators {
  @Field(() => [SubsidyKindFigure], { description: 'Every kind, 0 when nothing was paid. Amounts add up to totalAmount, so when one kind is suppressed the next smallest is too.' })
  byKind: SubsidyKindFigure[];

  @Field(() => SuppressedAmount, { description: '发放总额（元）' })
  totalAmount: SuppressedAmount;

  @Field(() => SuppressedCount, { description: '发放总人数: distinct workers over all kinds (a worker paid two kinds counts once, so kinds add up to more).' })
  totalPeople: SuppressedCount;
}

export const PovertyStatusGroupVocabulary = defineVocabulary(
  'PovertyStatusGroup',
  '贫困状态分组 — how officials split figures by poverty status: 未脱贫 and 已脱贫 (脱贫不稳定 included) are the registered poor (建档立卡, 贫困劳动力); 监测对象 the non-registered monitored households (边缘易致贫, 突发严重困难); 其他 no poverty record.',
  Object.fromEntries(POVERTY_GROUPS.map((g) => [g.group, g.label])) as Record<PovertyGroup, string>,
);

@ObjectType({
  description:
    '按贫困状态 — the figures of one poverty group. The groups partition the registry (each worker in exactly one, by the household’s current status), so each figure’s groups add up to the indicator’s own figure; they are suppressed together with it (a withheld group cannot be recovered from the total and the other groups).',
})
export class PovertyStatusFigures {
  @Field(() => PovertyStatusGroupVocabulary.enumObject)
  status: PovertyGroup;

  @Field(() => String, { description: '中文名称: 未脱贫, 已脱贫, 监测对象, 其他' })
  label: string;

  @Field(() => Boolean, { description: '建档立卡 (counted as 贫困劳动力): true for NOT_LIFTED and LIFTED.' })
  registeredPoor: boolean;

  @Field(() => SuppressedCount, { description: '劳动力 of the group (as Indicators.labourForce).' })
  labourForce: SuppressedCount;

  @Field(() => SuppressedCount, { description: '已就业 of the group (as Indicators.employed).' })
  employed: SuppressedCount;

  @Field(() => SuppressedRate, { description: '就业率 = employed ÷ labourForce of the group.' })
  employmentRate: SuppressedRate;

  @Field(() => SuppressedCount, {
    description: '新增转移就业 of the group (as Indicators.newTransfers; the worker’s current poverty group, OTHER when the worker is not in the registry).',
  })
  newTransfers: SuppressedCount;
}

@ObjectType({
  description:
    '就业帮扶指标 — the indicators officials report, for a region and a period. Every count is suppressed below the threshold for every caller (these figures are for dashboards), and a rate whose numerator or denominator is suppressed is suppressed.',
})
export class Indicators {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => IndicatorPeriod)
  period: IndicatorPeriod;

  @Field(() => SeriesStockSource, {
    description:
      'Where the stock figures come from: CURRENT (the period runs: today’s state), HISTORY (the state at the end of period.to, from the read model’s history, as indicatorSeries answers it) or BEFORE_HISTORY (the period ended before the history begins: every stock and every rate over one is null with suppressed = false, never estimated).',
  })
  stockSource: SeriesStockSource;

  @Field(() => Int, { description: 'Counts from 1 to threshold − 1 are suppressed (SUPPRESSION_THRESHOLD).' })
  threshold: number;

  @Field(() => SuppressedCount, {
    description:
      '劳动力: registry workers who are able labourers (aged 16–60, not student/serving, not unable to work, no grade 1–2 disability). A stock on period.asOf (see stockSource): today’s figure while the period runs, the state at the end of a past period from the history.',
  })
  labourForce: SuppressedCount;

  @Field(() => SuppressedCount, { description: '已就业: able labourers whose employment status is EMPLOYED (stock on period.asOf, like labourForce).' })
  employed: SuppressedCount;

  @Field(() => SuppressedRate, { description: '就业率 = employed ÷ labourForce (stock on period.asOf).' })
  employmentRate: SuppressedRate;

  @Field(() => [PlaceCount], { description: '转移就业（按地点）: employed labourers by employment place (stock on period.asOf); the parts add up to employed.' })
  transferByPlace: PlaceCount[];

  @Field(() => SuppressedCount, {
    description:
      '新增转移就业: distinct workers whose transfer started within the period — organised transfers (partner) and hr employments of kind TRANSFER_IN_PROVINCE/TRANSFER_OUT_OF_PROVINCE; a worker recorded by both counts once.',
  })
  newTransfers: SuppressedCount;

  @Field(() => SuppressedCount, {
    description:
      '零就业家庭户数: households with an able labourer and nobody employed — the zero-employment list’s condition (sql/conditions.ts ZERO_EMPLOYMENT), counted as its totalCount is. Current stock, like labourForce.',
  })
  zeroEmploymentHouseholds: SuppressedCount;

  @Field(() => [PovertyStatusFigures], {
    description:
      '按贫困状态: labourForce, employed, employmentRate and newTransfers split by poverty group (未脱贫, 已脱贫, 监测对象, 其他, in that order); the groups add up to the totals.',
  })
  byPovertyStatus: PovertyStatusFigures[];

  @Field(() => SuppressedCount, {
    description: '开发公益性岗位: public-welfare posts of the region open on period.asOf (opened on or before it, or with no opening day recorded; not closed on or before it).',
  })
  welfarePostsDeveloped: SuppressedCount;

  @Field(() => SuppressedCount, { description: '在岗公益性岗位: posts open on period.asOf with an assignment open on that day.' })
  welfarePostsFilled: SuppressedCount;

  @Field(() => TrainingIndicators)
  training: TrainingIndicators;

  @Field(() => SubsidyIndicators)
  subsidies: SubsidyIndicators;

  @Field(() => SuppressedRate, {
    description:
      '稳岗率: denominator = distinct workers with a transfer (partner or hr, as newTransfers) that started in the 12 months ending on period.asOf and at least 90 days before it (asOf − 12 months < start ≤ asOf − 90 days); numerator = those of them with such a transfer still not ended 90 days after its start (no end date, or ended on or after start + 90 days).',
  })
  retention: SuppressedRate;

  @Field(() => SuppressedRate, {
    description:
      '月度核实率: registry workers (every person_situation row) with a record verification in the calendar month of period.asOf (the period’s last month, or the current month while it runs) whose outcome is not NOT_REACHED (未能核实 is an attempt, not a verification) ÷ all registry workers.',
  })
  verifiedShare: SuppressedRate;

  @Field(() => SuppressedRate, {
    description:
      '招聘会意向达成率: registry workers who reached a job-fair intention within the period ÷ registry workers with an employment intention other than NONE (stock on period.asOf).',
  })
  jobFairIntentionRate: SuppressedRate;

  @Field(() => Freshness)
  freshness: Freshness;
}
