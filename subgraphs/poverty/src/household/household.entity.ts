import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { PovertyStatus } from '@jiuye/common';

/**
 * 建档立卡户 — a registered household (poor or monitored). Only registered households have a
 * row; every other household of the county is "not registered" (povertyStatus null in the graph).
 * The current status always equals the last PovertyStatusChange of the household.
 */
@Entity({ tableName: 'household' })
@Index({ properties: ['povertyStatus', 'code'] })
export class RegisteredHousehold {
  [OptionalProps]?: 'relocationSiteId' | 'recordedAt' | 'updatedAt';

  /** 户编号: village code (12 digits) + 4-digit sequence. */
  @PrimaryKey({ type: 'string', length: 16 })
  code: string;

  @Property({ type: 'string', length: 12 })
  @Index()
  villageCode: string;

  @Enum({ items: () => PovertyStatus })
  povertyStatus: PovertyStatus;

  /** Effective date of the current status (= effectiveOn of the last change). */
  @Property({ type: 'date' })
  statusSince: string;

  /** Year of the first status (registration or first monitoring). */
  @Property({ type: 'smallint' })
  registeredYear: number;

  /** 易地搬迁安置点 of a relocated household. */
  @Property({ type: 'integer', nullable: true })
  @Index()
  relocationSiteId: number | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
