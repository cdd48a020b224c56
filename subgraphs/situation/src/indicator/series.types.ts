import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { RegionType } from '../region/region.types';
import { IndicatorPeriod, PlaceCount } from './indicator.types';
import { SuppressedAmount, SuppressedCount, SuppressedRate } from './suppression';
import { SeriesStockSource } from './stock-source';

export enum SeriesGranularity {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(SeriesGranularity, {
  name: 'SeriesGranularity',
  description: '统计周期 — the periods of a series.',
  valuesConfig: { WEEK: { description: '周 (ISO week)' }, MONTH: { description: '月' }, QUARTER: { description: '季度' }, YEAR: { description: '年' } },
});

export { SeriesStockSource } from './stock-source';

@ObjectType({
  description:
    '一期 — one period of a series. Flows are exactly what indicators(region, period) answers for the period (the same suppressed tables); stocks are taken at the period’s end (see stockSource) and suppressed over the whole hierarchy like the indicators’.',
})
export class IndicatorSeriesPoint {
  @Field(() => IndicatorPeriod)
  period: IndicatorPeriod;

  @Field(() => SeriesStockSource, { description: 'CURRENT, HISTORY, or BEFORE_HISTORY (then every stock figure is null with suppressed = false).' })
  stockSource: SeriesStockSource;

  @Field(() => SuppressedCount, { description: '新增转移就业 in the period (flow).' })
  newTransfers: SuppressedCount;

  @Field(() => SuppressedCount, { description: '参训人数 in the period (flow).' })
  trainingParticipants: SuppressedCount;

  @Field(() => SuppressedCount, { description: '中期培训后3个月内就业人数 of the period’s completions (flow).' })
  trainingEmployedWithin3Months: SuppressedCount;

  @Field(() => SuppressedAmount, { description: '补贴发放总额（元） in the period (flow).' })
  subsidiesAmount: SuppressedAmount;

  @Field(() => SuppressedCount, { description: '补贴发放总人数 in the period (flow).' })
  subsidiesPeople: SuppressedCount;

  @Field(() => SuppressedRate, { description: '月度核实率 of the calendar month of period.asOf (its denominator is the registry then: null before the history).' })
  verifiedShare: SuppressedRate;

  @Field(() => SuppressedCount, { description: '劳动力 at period.asOf (stock).' })
  labourForce: SuppressedCount;

  @Field(() => SuppressedCount, { description: '已就业 at period.asOf (stock).' })
  employed: SuppressedCount;

  @Field(() => SuppressedRate, { description: '就业率 at period.asOf (stock).' })
  employmentRate: SuppressedRate;

  @Field(() => [PlaceCount], { description: '转移就业（按地点）at period.asOf (stock): employed labourers by place of work, as Indicators.transferByPlace.' })
  transferByPlace: PlaceCount[];

  @Field(() => SuppressedCount, { description: '零就业家庭户数 at period.asOf (stock).' })
  zeroEmploymentHouseholds: SuppressedCount;

  @Field(() => SuppressedCount, { description: '在岗公益性岗位 at period.asOf (posts open then, by the days hr records, with an assignment open then).' })
  welfarePostsFilled: SuppressedCount;
}

@ObjectType({ description: '指标走势 — the headline figures of a region over consecutive periods, oldest first, in one request.' })
export class IndicatorSeries {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => SeriesGranularity)
  granularity: SeriesGranularity;

  @Field(() => Int, { description: 'Counts from 1 to threshold − 1 are suppressed (SUPPRESSION_THRESHOLD).' })
  threshold: number;

  @Field(() => LocalDateScalar, { description: 'The first day the read model’s history answers for: stocks of periods ending before it are null.' })
  historyBeginsOn: string;

  @Field(() => [IndicatorSeriesPoint], { description: 'count periods ending with endingWith, oldest first.' })
  points: IndicatorSeriesPoint[];

  @Field(() => Freshness)
  freshness: Freshness;
}
