import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  ageOn,
  EmploymentIntention,
  EmploymentKind,
  EmploymentPlace,
  EmploymentStatus,
  Education,
  LocalDateScalar,
  maskIdNumber,
  PopulationStatus,
  PovertyStatus,
  Sex,
  SkillLevel,
  todayInChina,
  Trade,
} from '@jiuye/common';
import type { PersonRow } from '../projection/person';

/** The federated person (hr and the other departments resolve its fields). */
@ObjectType({ description: 'A person in the labour registry, known to every department by the same pseudonymous key.' })
@Directive('@key(fields: "id", resolvable: false)')
export class Worker {
  @Field(() => ID)
  id: string;
}

/** The federated household (hr, poverty and civil resolve its fields). */
@ObjectType({ description: 'A household (户), by its 16-digit code.' })
@Directive('@key(fields: "code", resolvable: false)')
export class Household {
  @Field(() => String)
  code: string;
}

/** A row of person_situation as the views read it (situation-person.service.ts PERSON_SELECT), with the village's and township's names. */
export type PersonRecord = Pick<
  PersonRow,
  | 'worker_id'
  | 'id_number'
  | 'name'
  | 'sex'
  | 'birth_date'
  | 'household_code'
  | 'village_code'
  | 'population_status'
  | 'employment_status'
  | 'employment_intention'
  | 'skill_level'
  | 'education'
  | 'training_wish'
  | 'verified_on'
  | 'able_labourer'
  | 'employment_kind'
  | 'employment_place'
  | 'employer_name'
  | 'employment_started_on'
  | 'last_employment_ended_on'
  | 'poverty_status'
  | 'assistance_kinds'
  | 'left_behind'
  | 'disability_grade'
  | 'care_reasons'
  | 'in_training'
  | 'medium_term_completed_on'
  | 'certified_trades'
  | 'transfer_city_code'
  | 'transfer_started_on'
  | 'transfer_ended_on'
  | 'last_follow_up_on'
> & { village_name?: string | null; township_name?: string | null };

/**
 * One person as the cross-department views show them: the facts from all five departments
 * that put them on a roster or list. Each field follows the same rule as in the departments
 * (access.ts): the masked ID number and the household code for department staff of the region,
 * the full ID number with reveal; the refused fields are nullable so that a refusal costs only
 * the field (partner cities read people here through their warnings).
 */
@ObjectType({ description: '人员情况 — one registry worker with the facts from all five departments that define rosters and lists.' })
export class SituationPerson {
  /** `asOfDay`: the day an as-of answer is for (ages are then as of that day); null = today. */
  constructor(
    readonly record: PersonRecord,
    readonly asOfDay: string | null = null,
  ) {}

  @Field(() => ID, { description: 'Pseudonymous worker key (the same in every department).' })
  get id(): string {
    return this.record.worker_id;
  }

  @Field(() => Worker, { description: "The person in the departments' own subgraphs (all their fields)." })
  get worker(): Worker {
    return { id: this.record.worker_id };
  }

  @Field(() => String, { description: '姓名' })
  get name(): string {
    return this.record.name;
  }

  @Field(() => String, { nullable: true, description: '身份证号（脱敏） — masked ID number (the area code only); department staff of the region, like Worker.idNumberMasked' })
  get idNumberMasked(): string {
    return maskIdNumber(this.record.id_number);
  }

  @Field(() => String, { nullable: true, description: '身份证号 — needs the reveal permission' })
  get idNumber(): string {
    return this.record.id_number;
  }

  @Field(() => Sex, { description: '性别' })
  get sex(): string {
    return this.record.sex;
  }

  @Field(() => Int, { description: '年龄 (today, China time; in an as-of answer, on the as-of day)' })
  get age(): number {
    return ageOn(this.record.birth_date, this.asOfDay ?? todayInChina());
  }

  @Field(() => String, { nullable: true, description: '户编号 — department staff of the region, like Worker.household' })
  get householdCode(): string {
    return this.record.household_code;
  }

  @Field(() => Household, { nullable: true, description: 'The household — department staff of the region, like Worker.household' })
  get household(): Household {
    return { code: this.record.household_code };
  }

  @Field(() => String, { description: '村（社区）代码' })
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true, description: '村（社区）' })
  get villageName(): string | null {
    return this.record.village_name ?? null;
  }

  @Field(() => PopulationStatus, { description: '人口状态 (hr)' })
  get populationStatus(): string {
    return this.record.population_status;
  }

  @Field(() => EmploymentStatus, { description: '就业状态 (hr)' })
  get employmentStatus(): string {
    return this.record.employment_status;
  }

  @Field(() => EmploymentIntention, { description: '就业意愿 (hr)' })
  get employmentIntention(): string {
    return this.record.employment_intention;
  }

  @Field(() => SkillLevel, { description: '技能水平 (hr)' })
  get skillLevel(): string {
    return this.record.skill_level;
  }

  @Field(() => Education, { description: '文化程度 (hr)' })
  get education(): string {
    return this.record.education;
  }

  @Field(() => Trade, { nullable: true, description: '培训需求（意向工种） (hr)' })
  get trainingWish(): string | null {
    return this.record.training_wish;
  }

  @Field(() => Boolean, { description: '劳动力: 16–60, not a student or serving, able to work, no grade 1–2 disability' })
  get ableLabourer(): boolean {
    return this.record.able_labourer;
  }

  @Field(() => EmploymentKind, { nullable: true, description: '当前就业形式 (hr)' })
  get employmentKind(): string | null {
    return this.record.employment_kind;
  }

  @Field(() => EmploymentPlace, { nullable: true, description: '当前就业地点 (hr)' })
  get employmentPlace(): string | null {
    return this.record.employment_place;
  }

  @Field(() => String, { nullable: true, description: '就业单位 (hr)' })
  get employerName(): string | null {
    return this.record.employer_name;
  }

  @Field(() => LocalDateScalar, { nullable: true, description: '本次就业开始日期 (hr)' })
  get employedSince(): string | null {
    return this.record.employment_started_on;
  }

  @Field(() => PovertyStatus, { nullable: true, description: '户贫困状态 (poverty); null = not registered or monitored' })
  get povertyStatus(): string | null {
    return this.record.poverty_status;
  }

  @Field(() => [String], {
    nullable: true,
    description: '户享受的社会救助 (civil): SUBSISTENCE_ALLOWANCE 低保, SPECIAL_HARDSHIP 特困供养 — department staff of the region (welfare)',
  })
  get assistanceKinds(): string[] {
    return this.record.assistance_kinds;
  }

  @Field(() => Int, { nullable: true, description: '残疾等级 (civil): 1 most severe … 4' })
  get disabilityGrade(): number | null {
    return this.record.disability_grade;
  }

  @Field(() => Boolean, { description: '在训 (training)' })
  get inTraining(): boolean {
    return this.record.in_training;
  }

  @Field(() => [Trade], { description: '持证工种 (training)' })
  get certifiedTrades(): string[] {
    return this.record.certified_trades;
  }

  @Field(() => String, { nullable: true, description: '转移就业城市代码 (partner), latest transfer' })
  get transferCityCode(): string | null {
    return this.record.transfer_city_code;
  }

  @Field(() => LocalDateScalar, { nullable: true, description: '最近一次动态核实日期 (hr)' })
  get verifiedOn(): string | null {
    return this.record.verified_on;
  }
}
