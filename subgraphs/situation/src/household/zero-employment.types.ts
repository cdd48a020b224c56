import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, maskPhone, PageInfo, PovertyStatus } from '@jiuye/common';
import { Freshness } from '../freshness/freshness.types';
import { Household } from '../person/situation-person.types';
import { RegionType } from '../region/region.types';
import { villageAssistant } from '../sql/conditions';
import type { AsOf } from '../history/as-of';

export interface HouseholdRecord {
  code: string;
  village_code: string;
  village_name: string | null;
  poverty_status: string | null;
  cadre_name: string | null;
  cadre_phone: string | null;
  unit_name: string | null;
  members: number;
  able_labourers: number;
  employed_members: number;
  last_action_on: string | null;
  last_action: string | null;
  last_action_department: string | null;
}

@ObjectType({ description: '帮扶责任 — who answers for a household.' })
export class Responsibility {
  /** The household it answers for (its subject; not a GraphQL field). */
  constructor(readonly record: HouseholdRecord) {}

  @Field(() => String, { nullable: true, description: '帮扶责任人 (poverty), registered households' })
  get cadreName(): string | null {
    return this.record.cadre_name;
  }

  @Field(() => String, { nullable: true, description: '责任人联系电话 in full: needs the reveal permission, like every phone; see cadrePhoneMasked' })
  get cadrePhone(): string | null {
    return this.record.cadre_phone;
  }

  @Field(() => String, { nullable: true, description: '责任人联系电话 as 138****5678 (the same mask as everywhere)' })
  get cadrePhoneMasked(): string | null {
    return maskPhone(this.record.cadre_phone);
  }

  @Field(() => String, { nullable: true, description: '挂包责任单位' })
  get unitName(): string | null {
    return this.record.unit_name;
  }

  @Field(() => String, { description: 'Who acts when no cadre is assigned: the village labour-security assistant (村劳动保障协理员).' })
  get fallback(): string {
    return villageAssistant(this.record.village_name, this.record.village_code);
  }
}

@ObjectType({ description: '最近帮扶措施 — the latest dated thing any department did for a member.' })
export class LastAction {
  @Field(() => LocalDateScalar)
  on: string;

  @Field(() => String)
  what: string;

  @Field(() => String, { description: 'hr, training or partner' })
  department: string;
}

@ObjectType({ description: '零就业家庭 — a household with an able labourer and nobody employed.' })
export class ZeroEmploymentHousehold {
  /** `asOf`: set in an as-of answer, so that its members are read as of the same instant. */
  constructor(
    readonly record: HouseholdRecord,
    readonly asOf: AsOf | null = null,
  ) {}

  @Field(() => String, { description: '户编号' })
  get code(): string {
    return this.record.code;
  }

  @Field(() => Household)
  get household(): Household {
    return { code: this.record.code };
  }

  @Field(() => String)
  get villageCode(): string {
    return this.record.village_code;
  }

  @Field(() => String, { nullable: true })
  get villageName(): string | null {
    return this.record.village_name;
  }

  @Field(() => PovertyStatus, { nullable: true, description: '贫困状态 (poverty); null = not registered' })
  get povertyStatus(): string | null {
    return this.record.poverty_status;
  }

  @Field(() => Int, { description: '登记劳动年龄人口 (registry members)' })
  get registryMembers(): number {
    return this.record.members;
  }

  @Field(() => Int, { description: '劳动力' })
  get ableLabourers(): number {
    return this.record.able_labourers;
  }

  @Field(() => Responsibility)
  get responsible(): Responsibility {
    return new Responsibility(this.record);
  }

  @Field(() => LastAction, { nullable: true })
  get lastAction(): LastAction | null {
    return this.record.last_action_on ? { on: this.record.last_action_on, what: this.record.last_action ?? '', department: this.record.last_action_department ?? '' } : null;
  }
}

@ObjectType({ description: '零就业家庭清单 — one page over a region.' })
export class ZeroEmploymentPage {
  @Field(() => RegionType)
  region: RegionType;

  @Field(() => [ZeroEmploymentHousehold])
  nodes: ZeroEmploymentHousehold[];

  @Field(() => Int, { description: 'Zero-employment households in the region (all pages).' })
  totalCount: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day answered for (as of its end, China time) when asOf was given; null = now.' })
  asOf: string | null;

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}
