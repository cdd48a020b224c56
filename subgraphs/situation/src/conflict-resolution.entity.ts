import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** How an official settled a conflict between two departments' facts (the one fact this service owns). */
@Entity({ tableName: 'conflict_resolution' })
export class ConflictResolutionEntity {
  @PrimaryKey()
  id!: number;

  @Property({ length: 80 })
  conflictId!: string;

  /** The conflicting facts as they stood when resolved; new facts reopen the conflict. */
  @Property({ length: 64 })
  fingerprint!: string;

  @Property({ length: 12 })
  villageCode!: string;

  @Property({ type: 'text', nullable: true })
  keptSource?: string | null;

  @Property({ length: 500 })
  note!: string;

  @Property({ length: 128 })
  resolvedBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  resolvedAt: Date = new Date();
}
