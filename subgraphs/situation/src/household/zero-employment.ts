import { Arg, Args, Ctx, Field, Int, ObjectType, Query, Resolver, FieldResolver, Root } from 'type-graphql';
import { checkPageSize, decodeTextCursor, HOUSEHOLD_CODE_PATTERN, LocalDateScalar, maskPhone, PageArgs, PageInfo, PovertyStatus, toPage } from '@jiuye/common';
import type { SituationContext } from '../context';
import { allPages, type Sql } from '../db';
import { regionCondition, villageAssistant, ZERO_EMPLOYMENT } from '../sql/conditions';
import { Freshness, readFreshness } from '../freshness/freshness';
import { Household, PERSON_SELECT, SituationPerson, type PersonRecord } from '../person/situation-person.type';
import { resolveRegion, type Region } from '../region/region';
import { RegionType } from '../region/region.type';
import { keptZeroEmploymentTotal } from '../roster/village-counts';

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
  constructor(readonly record: HouseholdRecord) {}

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

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Freshness)
  freshness: Freshness;
}

const HOUSEHOLD_SELECT = `h.code, h.village_code, (select d.name from division d where d.code = h.village_code) as village_name, h.poverty_status,
  h.cadre_name, h.cadre_phone, h.unit_name, h.members, h.able_labourers, h.employed_members, h.last_action_on, h.last_action, h.last_action_department`;

export async function zeroEmploymentPage(sql: Sql, region: Region, first: number, after: string | null | undefined) {
  checkPageSize(first);
  const cursor = decodeTextCursor(after, HOUSEHOLD_CODE_PATTERN);
  const where = `${regionCondition('h.village_code', 1, region.code)} and ${ZERO_EMPLOYMENT}`;
  const values = cursor === null ? [region.code, first + 1] : [region.code, cursor, first + 1];
  const [rows, count] = await Promise.all([
    sql.rows<HouseholdRecord>(
      `select ${HOUSEHOLD_SELECT} from household_situation h where ${where}${cursor === null ? '' : ' and h.code > $2'} order by h.code limit $${values.length}`,
      values,
    ),
    keptZeroEmploymentTotal(sql, region).then((n) => ({ n })),
  ]);
  return toPage(rows, first, count?.n ?? 0, (household) => household.code);
}

export function zeroEmploymentBatches(sql: Sql, region: Region): AsyncGenerator<HouseholdRecord[]> {
  return allPages((after) => zeroEmploymentPage(sql, region, 500, after));
}

@Resolver(() => ZeroEmploymentHousehold)
export class ZeroEmploymentResolver {
  @Query(() => ZeroEmploymentPage, {
    description: '零就业家庭: households with an able labourer and nobody employed, with who answers for each and what was last done. Exports: GET /exports/zero-employment.xlsx|csv?region=…',
  })
  async zeroEmploymentHouseholds(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<ZeroEmploymentPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([zeroEmploymentPage(context.loaders.sql, place, first, after), readFreshness(context.loaders.sql)]);
    return {
      region: place,
      nodes: page.nodes.map((row) => new ZeroEmploymentHousehold(row)),
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      freshness,
    };
  }

  @FieldResolver(() => [SituationPerson], { description: 'The registry members (batched per request).' })
  async members(@Root() household: ZeroEmploymentHousehold, @Ctx() context: SituationContext): Promise<SituationPerson[]> {
    const rows = await context.loaders.householdMembers.load(household.code);
    return rows.map((row) => new SituationPerson(row));
  }
}

export async function loadHouseholdMembers(sql: Sql, codes: readonly string[]): Promise<PersonRecord[][]> {
  const rows = await sql.rows<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.household_code = any($1::text[]) order by p.birth_date`, [codes]);
  const byHousehold = new Map<string, PersonRecord[]>(codes.map((code) => [code, []]));
  for (const row of rows) byHousehold.get(row.household_code)?.push(row);
  return codes.map((code) => byHousehold.get(code) ?? []);
}
