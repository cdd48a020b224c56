import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@ObjectType({ description: '组织输出批次 — an organised departure of workers to a partner city (one bus, train or flight).' })
@Entity({ tableName: 'transfer_batch' })
@Index({ properties: ['cityCode', 'departedOn'] })
export class TransferBatch {
  [OptionalProps]?: 'baseId' | 'recordedAt' | 'destinationDistrict';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Field(() => String, { description: '批次号, e.g. DC-2026-03-001 (county prefix, year and month of departure, sequence).' })
  @Property({ type: 'string', length: 20 })
  @Unique()
  batchNo: string;

  @Property({ type: 'string', length: 4 })
  cityCode: string;

  @Field(() => LocalDateScalar, { description: '出发日期' })
  @Property({ type: 'date' })
  departedOn: string;

  @Field(() => String, { description: '目的地 (district, industrial park, employer site)' })
  @Property({ type: 'string', length: 100 })
  destination: string;

  @Field(() => String, { nullable: true, description: '目的地区县 — the 6-digit district of the city, when the batch named one.' })
  @Property({ type: 'string', length: 6, nullable: true })
  destinationDistrict: string | null = null;

  @Property({ type: 'integer', nullable: true })
  @Index()
  baseId: number | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
