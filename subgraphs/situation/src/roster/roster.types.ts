import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, PageInfo } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { SituationPerson } from '../person/situation-person.types';
import { RegionType } from '../region/region.types';
import { RosterKind, type RosterKind as RosterKindValue } from './roster-kinds';

@ObjectType({ description: '花名册/清单 — one page of a roster or list over a region.' })
export class RosterPage {
  @Field(() => RosterKind)
  kind: RosterKindValue;

  @Field(() => String, { description: '名称 (as officials call it)' })
  label: string;

  @Field(() => String, { description: '纳入条件 — what puts a person on it' })
  definition: string;

  @Field(() => RegionType)
  region: RegionType;

  @Field(() => [SituationPerson])
  nodes: SituationPerson[];

  @Field(() => Int, { description: 'How many people are on it in the region, over all pages.' })
  totalCount: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day answered for (as of its end, China time) when asOf was given; null = now.' })
  asOf: string | null;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}
