import { Field, Int, ObjectType } from 'type-graphql';
import { Freshness } from '../freshness/freshness.types';
import { RegionType } from '../region/region.types';
import { IndicatorPeriod, Indicators } from './indicator.types';

@ObjectType({
  description:
    '按下级区划 — a region’s indicators and one row per child division (county → townships, township → villages, village → none), cut from the same suppressed tables as `indicators`: the children add up to the parent, and no withheld cell can be recovered by subtracting the others.',
})
export class IndicatorBreakdown {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => IndicatorPeriod)
  period: IndicatorPeriod;

  @Field(() => Int, { description: 'Counts from 1 to threshold − 1 are suppressed (SUPPRESSION_THRESHOLD).' })
  threshold: number;

  @Field(() => Indicators, { description: 'The region’s own indicators (the same answer as indicators(region, period)).' })
  parent: Indicators;

  @Field(() => [Indicators], {
    description: 'One entry per child division the registry knows, in division-code order (region.code, region.name, region.level name it); empty for a village.',
  })
  children: Indicators[];

  @Field(() => Freshness)
  freshness: Freshness;
}
