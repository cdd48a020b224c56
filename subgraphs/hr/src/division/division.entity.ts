import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DivisionLevelEnum, type DivisionLevel } from '@jiuye/common';

/**
 * 区划目录 — the statistical division catalogue the county works with: province, city, county,
 * townships and villages. Reference data (loaded from the statistics bureau's list), read-only
 * in the graph.
 */
@Entity({ tableName: 'division' })
export class DivisionRecord {
  [OptionalProps]?: 'parentCode';

  @PrimaryKey({ type: 'string', length: 12 })
  code: string;

  @Property({ type: 'string', length: 60 })
  name: string;

  @Enum({ items: () => DivisionLevelEnum })
  level: DivisionLevel;

  /** The enclosing division's code; null for a province. */
  @Property({ type: 'string', length: 9, nullable: true })
  @Index()
  parentCode: string | null = null;
}
