import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Education, EmploymentIntention, EmploymentStatus, PopulationStatus, Sex, SkillLevel, Trade } from '@jiuye/common';

/**
 * 农村劳动力实名制登记 — one person aged 16–60 in the real-name labour registry, registered
 * household by household, with the "six clarities" (六个清楚) verified every month.
 * Keyed by the worker pseudonym; the ID number and phone stay in this table (never a @Field).
 */
@Entity({ tableName: 'worker' })
// Division filters are code ranges on household_code (it starts with the village code), in
// the list's own order: one index serves "everyone in this township, page by page".
@Index({ properties: ['householdCode', 'id'] })
// The rosters (一库六册) filter by one of the clarities inside a division.
@Index({ properties: ['employmentStatus', 'householdCode'] })
@Index({ properties: ['populationStatus', 'householdCode'] })
@Index({ properties: ['employmentIntention', 'householdCode'] })
@Index({ properties: ['trainingWish', 'householdCode'] })
export class WorkerRecord {
  [OptionalProps]?: 'phone' | 'trainingWish' | 'verifiedOn' | 'registeredAt';

  /** workerPseudonym(idNumber, PSEUDONYM_KEY): the federated key. */
  @PrimaryKey({ type: 'string', length: 32 })
  id: string;

  @Property({ type: 'string', length: 18, unique: true })
  idNumber: string;

  @Property({ type: 'string', length: 60 })
  name: string;

  @Enum({ items: () => Sex })
  sex: Sex;

  @Property({ type: 'date' })
  birthDate: string;

  /** As recorded by the township; may be empty or malformed in imported lists. */
  @Property({ type: 'string', length: 32, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 16 })
  householdCode: string;

  /** The first 12 digits of the household code. */
  @Property({ type: 'string', length: 12 })
  villageCode: string;

  @Enum({ items: () => PopulationStatus })
  populationStatus: PopulationStatus;

  @Enum({ items: () => EmploymentStatus })
  employmentStatus: EmploymentStatus;

  @Enum({ items: () => EmploymentIntention })
  employmentIntention: EmploymentIntention;

  @Enum({ items: () => SkillLevel })
  skillLevel: SkillLevel;

  @Enum({ items: () => Trade, nullable: true })
  trainingWish: Trade | null = null;

  @Enum({ items: () => Education })
  education: Education;

  /** Last monthly verification (月动态核实). */
  @Property({ type: 'date', nullable: true })
  verifiedOn: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  registeredAt: Date = new Date();
}
