import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { IndicatorPeriod } from '../indicator/indicator.types';
import { SeriesStockSource } from '../indicator/stock-source';
import { SuppressedCount, SuppressedRate } from '../indicator/suppression';
import { RegionType } from '../region/region.types';

@ObjectType({ description: '一个村（或全区域）的月度核实覆盖 — verification coverage of one village or of the whole region.' })
export class CoverageFigures {
  @Field(() => SuppressedCount, { description: '登记劳动力数: registry workers (every person_situation row of the place).' })
  registryWorkers: SuppressedCount;

  @Field(() => SuppressedCount, {
    description:
      '已核实人数: distinct registry workers with a record verification dated in the month whose outcome is not NOT_REACHED (未能核实 is an attempt, not a verification).',
  })
  verified: SuppressedCount;

  @Field(() => SuppressedRate, { description: '核实率 = verified ÷ registryWorkers.' })
  share: SuppressedRate;
}

@ObjectType({ description: '村级月度核实覆盖 — one village.' })
export class VillageCoverage extends CoverageFigures {
  @Field(() => String, { description: '村代码' })
  villageCode: string;

  @Field(() => String, { description: '村名' })
  villageName: string;

  @Field(() => String, { nullable: true, description: '所属乡镇' })
  townshipName: string | null;
}

@ObjectType({
  description:
    '核实覆盖率 — how much of the labour registry was verified in a month (月度核实) or another period, per village. For dashboard accounts counts from 1 to threshold − 1 are suppressed, and further counts are withheld wherever a suppressed one could be recovered by subtraction (a region and its townships and villages, decided over the whole registry at once); department staff see exact figures.',
})
export class VerificationCoverage {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => String, { description: "The month, 'YYYY-MM' (asked with period: the month the period begins in)." })
  month: string;

  @Field(() => LocalDateScalar, { description: 'First day of the month (or of the period).' })
  from: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the month (or of the period).' })
  to: string;

  @Field(() => IndicatorPeriod, { description: 'The month or period counted: verified = verified at least once within it; registryWorkers taken on period.asOf.' })
  period: IndicatorPeriod;

  @Field(() => SeriesStockSource, {
    description:
      'Where registryWorkers comes from, as for the indicators: CURRENT (today), HISTORY (the registry at the end of period.to), BEFORE_HISTORY (not known: registryWorkers and share null, not suppressed).',
  })
  stockSource: SeriesStockSource;

  @Field(() => CoverageFigures, { description: 'The whole region.' })
  total: CoverageFigures;

  @Field(() => [VillageCoverage], {
    description:
      'Every village of the region (division), worst first: share ascending over the published figures (villages without registry workers next, then — dashboards — villages whose share is suppressed), then village code.',
  })
  villages: VillageCoverage[];

  @Field(() => Freshness)
  freshness: Freshness;
}
