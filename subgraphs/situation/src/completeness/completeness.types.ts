import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ageOn, maskIdNumber, PageInfo, PovertyStatus, Sex, todayInChina } from '@jiuye/common';
import { SuppressedCount, SuppressedRate } from '../indicator/suppression';
import { Household, SituationPerson, Worker } from '../person/situation-person.types';
import { RegionType } from '../region/region.types';

/** A row of known_person as the completeness views read it, with the village's name. */
export interface KnownPersonRecord {
  department: string;
  worker_id: string;
  id_number: string;
  name: string | null;
  sex: string | null;
  birth_date: string | null;
  household_code: string | null;
  village_code: string;
  village_name: string | null;
  poverty_status: string | null;
  cadre_name: string | null;
}

/** Sex and birth date from the ID number when the department did not publish them (GB 11643: digits 7–14 the birth date, 17 odd for men). */
function fromIdNumber(idNumber: string): { sex: string; birthDate: string } {
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE', birthDate };
}

@ObjectType({
  description:
    '应登尽登 — a working-age (16–60) member of a registered poor or monitored household whom hr’s labour registry does not hold. Department staff of the region, with a declared purpose; every read is logged.',
})
export class UnregisteredLabourer {
  constructor(readonly record: KnownPersonRecord) {}

  @Field(() => ID, { description: 'Pseudonymous worker key (the key hr gives the person once registered).' })
  get id(): string {
    return this.record.worker_id;
  }

  @Field(() => String, { nullable: true, description: '姓名 (poverty)' })
  get name(): string | null {
    return this.record.name;
  }

  @Field(() => String, { nullable: true, description: '身份证号（脱敏） — department staff of the region' })
  get idNumberMasked(): string {
    return maskIdNumber(this.record.id_number);
  }

  @Field(() => String, { nullable: true, description: '身份证号 — needs the reveal permission (to register the person in hr)' })
  get idNumber(): string {
    return this.record.id_number;
  }

  @Field(() => Sex, { description: '性别' })
  get sex(): string {
    return this.record.sex ?? fromIdNumber(this.record.id_number).sex;
  }

  @Field(() => Int, { description: '年龄 (today, China time)' })
  get age(): number {
    return ageOn(this.record.birth_date ?? fromIdNumber(this.record.id_number).birthDate, todayInChina());
  }

  @Field(() => String, { nullable: true, description: '户编号 — department staff of the region' })
  get householdCode(): string | null {
    return this.record.household_code;
  }

  @Field(() => Household, { nullable: true, description: 'The household (poverty resolves its fields).' })
  get household(): Household | null {
    return this.record.household_code ? { code: this.record.household_code } : null;
  }

  @Field(() => String, { description: '村（社区）代码' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => PovertyStatus, { nullable: true, description: "贫困状态 — the household's (poverty)" })
  get povertyStatus(): string | null {
    return this.record.poverty_status;
  }

  @Field(() => String, { nullable: true, description: '帮扶责任人 — the household’s responsible cadre today (poverty), when one is recorded' })
  get responsibleCadre(): string | null {
    return this.record.cadre_name;
  }
}

@ObjectType({ description: '应登尽登 — a page of unregistered labourers of a region, ordered by village and worker key.' })
export class UnregisteredLabourerPage {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => [UnregisteredLabourer])
  nodes: UnregisteredLabourer[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({
  description:
    '应登尽登 — how complete the labour registry is for the working-age members of poor and monitored households of a region. Aggregate; dashboards get small counts suppressed.',
})
export class LabourRegistryCompleteness {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => SuppressedCount, { description: 'Working-age (16–60) current members of registered poor and monitored households (poverty).' })
  workingAgeMembers: SuppressedCount;

  @Field(() => SuppressedCount, { description: 'Of these, not in hr’s labour registry.' })
  unregistered: SuppressedCount;

  @Field(() => SuppressedRate, { description: '(workingAgeMembers − unregistered) / workingAgeMembers' })
  registeredShare: SuppressedRate;
}

@ObjectType({
  description:
    '人员查询 — a person the read model knows, by ID number: in hr’s labour registry or known only to poverty (a household member) or civil affairs. Department staff of the region, with a declared purpose; every lookup is logged.',
})
export class KnownPerson {
  constructor(
    readonly record: KnownPersonRecord,
    readonly knownTo: string[],
    readonly registered: SituationPerson | null,
    readonly onList: boolean,
  ) {}

  @Field(() => ID, { description: 'Pseudonymous worker key (the same in every department).' })
  get id(): string {
    return this.record.worker_id;
  }

  @Field(() => Worker, { nullable: true, description: "The person in the departments' own subgraphs (null unless hr's registry holds them)." })
  get worker(): Worker | null {
    return this.registered ? { id: this.record.worker_id } : null;
  }

  @Field(() => [String], { description: 'The departments whose records name the person: hr (the labour registry), poverty (a household member), civil.' })
  get departments(): string[] {
    return this.knownTo;
  }

  @Field(() => Boolean, { description: 'In hr’s labour registry.' })
  get inLabourRegistry(): boolean {
    return this.registered !== null;
  }

  @Field(() => String, { nullable: true, description: '姓名 (hr, else poverty; civil publishes none)' })
  get name(): string | null {
    return this.record.name;
  }

  @Field(() => String, { nullable: true, description: '身份证号（脱敏） — department staff of the region' })
  get idNumberMasked(): string {
    return maskIdNumber(this.record.id_number);
  }

  @Field(() => String, { nullable: true, description: '身份证号 — needs the reveal permission' })
  get idNumber(): string {
    return this.record.id_number;
  }

  @Field(() => Sex, { description: '性别' })
  get sex(): string {
    return this.record.sex ?? fromIdNumber(this.record.id_number).sex;
  }

  @Field(() => Int, { description: '年龄 (today, China time)' })
  get age(): number {
    return ageOn(this.record.birth_date ?? fromIdNumber(this.record.id_number).birthDate, todayInChina());
  }

  @Field(() => String, { nullable: true, description: '户编号 — department staff of the region' })
  get householdCode(): string | null {
    return this.record.household_code;
  }

  @Field(() => String, { description: '村（社区）代码 (hr’s registry, else poverty’s household, else civil’s)' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => PovertyStatus, { nullable: true, description: "贫困状态 — the household's (poverty)" })
  get povertyStatus(): string | null {
    return this.record.poverty_status;
  }

  @Field(() => Boolean, { description: '应登尽登: a working-age member of a poor or monitored household whom the registry does not hold (on unregisteredLabourers).' })
  get unregisteredLabourer(): boolean {
    return this.onList;
  }

  @Field(() => SituationPerson, { nullable: true, description: "The registry worker's cross-department facts (null when not registered)." })
  get situation(): SituationPerson | null {
    return this.registered;
  }
}
