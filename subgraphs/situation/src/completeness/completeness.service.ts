import {
  type AccessControl,
  checkPageSize,
  compositeKey,
  decodeCompositeCursor,
  forbidden,
  notFound,
  type Page,
  RegionTree,
  requireIdNumber,
  SuppressedTable,
  toPage,
  TOTAL,
  VILLAGE_CODE_PATTERN,
  workerPseudonym,
} from '@jiuye/common';
import type { Sql } from '../db';
import { publishedCount, publishedRate } from '../indicator/suppression';
import { PERSON_SELECT } from '../person/situation-person.service';
import type { PersonRecord } from '../person/situation-person.types';
import { registryVillages } from '../region/region.service';
import type { Region } from '../region/region.types';
import { regionCondition } from '../sql/conditions';
import { CHECKED_POVERTY_STATUSES, unregisteredLabourer, workingAge } from './completeness.sql';
import type { KnownPersonRecord } from './completeness.types';

const KNOWN_SELECT = `k.department, k.worker_id, k.id_number, k.name, k.sex, k.birth_date, k.household_code, k.village_code,
  (select d.name from division d where d.code = k.village_code) as village_name, k.poverty_status, k.cadre_name`;

/** Keyset order: village, then worker key. */
function decodeCursor(after: string | null | undefined): [string, string] | null {
  const parts = decodeCompositeCursor(after, [(p) => VILLAGE_CODE_PATTERN.test(p), (p) => /^w[A-Za-z0-9_-]{1,31}$/.test(p)]);
  return parts === null ? null : [parts[0], parts[1]];
}

/** 应登尽登: a page of the region's working-age members of poor and monitored households whom hr's registry does not hold. */
export async function unregisteredLabourerPage(sql: Sql, region: Region, first: number, after: string | null | undefined, today: string): Promise<Page<KnownPersonRecord>> {
  checkPageSize(first);
  const cursor = decodeCursor(after);
  const where = `${regionCondition('k.village_code', 1, region.code)} and ${unregisteredLabourer(2)}`;
  const values: unknown[] = [region.code, today];
  const paged = cursor ? [...values, cursor[0], cursor[1], first + 1] : [...values, first + 1];
  const keyset = cursor ? ` and (k.village_code, k.worker_id) > ($3, $4)` : '';
  const [rows, count] = await Promise.all([
    sql.rows<KnownPersonRecord>(`select ${KNOWN_SELECT} from known_person k where ${where}${keyset} order by k.village_code, k.worker_id limit $${paged.length}`, paged),
    sql.one<{ n: number }>(`select count(*) as n from known_person k where ${where}`, values),
  ]);
  return toPage(rows, first, count?.n ?? 0, (row) => compositeKey([row.village_code, row.worker_id]));
}

/**
 * 应登尽登 as figures: working-age members of the checked households and how many of them the
 * registry does not hold, per village, through the one suppression policy over the whole region
 * hierarchy (common/src/suppression.ts) when the caller is a dashboard.
 */
export async function labourRegistryCompleteness(sql: Sql, region: Region, today: string, options: { suppress: boolean; threshold: number }) {
  const [villages, rows] = await Promise.all([
    registryVillages(sql),
    sql.rows<{ village_code: string; members: number; unregistered: number }>(
      `select k.village_code, count(*) as members, count(*) filter (where p.worker_id is null) as unregistered
         from known_person k left join person_situation p on p.worker_id = k.worker_id
        where k.department = 'poverty' and k.village_code is not null and k.poverty_status = any($2::text[]) and ${workingAge(1)}
        group by k.village_code`,
      [today, [...CHECKED_POVERTY_STATUSES]],
    ),
  ]);
  const tree = new RegionTree(new Set([...villages, ...rows.map((r) => r.village_code)]));
  const table = (value: (row: (typeof rows)[number]) => number) =>
    new SuppressedTable(tree, new Map(rows.map((row) => [row.village_code, { [TOTAL]: value(row) }])), options.threshold, [], { active: options.suppress });
  const members = table((r) => r.members).published(region.code);
  const unregistered = table((r) => r.unregistered).published(region.code);
  const registered = members !== null && unregistered !== null ? members - unregistered : null;
  return {
    region,
    workingAgeMembers: publishedCount(members),
    unregistered: publishedCount(unregistered),
    registeredShare: publishedRate(registered, members),
  };
}

export interface KnownPersonAnswer {
  record: KnownPersonRecord;
  departments: string[];
  registered: PersonRecord | null;
  onList: boolean;
}

/**
 * 人员查询: the person with this ID number as the read model knows them (hr's registry, poverty's
 * household members, civil's people), for department staff whose region holds where they live.
 * Unknown and out of scope answer alike (NOT_FOUND naming idNumber), after the same one statement;
 * only a person the caller may see costs a second (their registry facts).
 */
export async function knownPersonByIdNumber(sql: Sql, access: AccessControl, idNumber: string, pseudonymKey: string, today: string): Promise<KnownPersonAnswer> {
  access.requirePersonAccess();
  if (access.kind !== 'region') throw forbidden('person: person lookups are for department staff of a region', 'no-region-scope');
  requireIdNumber(idNumber, 'idNumber');
  const id = workerPseudonym(idNumber, pseudonymKey);
  const rows = await sql.rows<KnownPersonRecord & { on_list: boolean }>(
    `select 'hr' as department, p.worker_id, p.id_number, p.name, p.sex, p.birth_date, p.household_code, p.village_code, null::text as village_name,
            p.poverty_status, null::varchar as cadre_name, false as on_list
       from person_situation p where p.worker_id = $1
     union all
     select ${KNOWN_SELECT}, (${unregisteredLabourer(2)}) as on_list from known_person k where k.worker_id = $1`,
    [id, today],
  );
  // Where the person lives: hr's registry first, then poverty's household, then civil's.
  const order = ['hr', 'poverty', 'civil'];
  const placed = rows.filter((row) => row.village_code !== null).sort((a, b) => order.indexOf(a.department) - order.indexOf(b.department));
  const home = placed[0];
  if (!home || !home.village_code.startsWith(access.identity.region!)) throw notFound('person', 'idNumber');
  const registered = rows.some((row) => row.department === 'hr')
    ? ((await sql.one<PersonRecord>(`select ${PERSON_SELECT} from person_situation p where p.worker_id = $1`, [id])) ?? null)
    : null;
  const poverty = rows.find((row) => row.department === 'poverty');
  const record: KnownPersonRecord = {
    ...home,
    name: home.name ?? poverty?.name ?? null,
    sex: home.sex ?? poverty?.sex ?? null,
    birth_date: home.birth_date ?? poverty?.birth_date ?? null,
    village_name: registered?.village_name ?? home.village_name,
    poverty_status: home.poverty_status ?? poverty?.poverty_status ?? null,
  };
  return {
    record,
    departments: order.filter((department) => rows.some((row) => row.department === department)),
    registered,
    onList: rows.some((row) => row.on_list),
  };
}
