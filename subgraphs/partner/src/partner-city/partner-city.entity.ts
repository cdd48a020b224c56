import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: "东西部协作/对口帮扶城市 — a partner city that takes in and looks after the county's transferred workers." })
@Entity({ tableName: 'partner_city' })
export class PartnerCity {
  [OptionalProps]?: 'note';

  @Field(() => DivisionCodeScalar, { description: '4-digit city division code (e.g. 4403 深圳市).' })
  @PrimaryKey({ type: 'string', length: 4 })
  code: string;

  @Field(() => String, { description: '城市名称' })
  @Property({ type: 'string', length: 60 })
  name: string;

  @Field(() => String, { description: '所在省份' })
  @Property({ type: 'string', length: 60 })
  province: string;

  @Field(() => LocalDateScalar, { description: '结对帮扶起始日期 — since when the pairing runs.' })
  @Property({ type: 'date' })
  pairedSince: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;
}

@ObjectType({
  description:
    '稳岗情况 — how many workers transferred to a city were still employed at their last follow-up visit. Dashboards: the workers of their region only, small counts suppressed.',
})
export class Retention {
  @Field(() => Int, { nullable: true, description: '转移就业人次 — transfers to the city (null for dashboards when suppressed).' })
  transferred: number | null;

  @Field(() => Int, { nullable: true, description: '已回访 — transfers with at least one follow-up visit (null for dashboards when suppressed).' })
  visited: number | null;

  @Field(() => Int, { nullable: true, description: '稳岗 — transfers whose last follow-up found the worker still employed (null for dashboards when suppressed).' })
  stillEmployed: number | null;

  @Field(() => Float, { nullable: true, description: '稳岗率 = stillEmployed / transferred (0–1); empty when nobody was transferred, or (dashboards) when either is suppressed.' })
  rate: number | null;

  @Field(() => Boolean, { description: 'true when a count is withheld (dashboards only; small-cell suppression).' })
  suppressed: boolean;
}
