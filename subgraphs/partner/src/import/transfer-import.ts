import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkIdNumber,
  forbidden,
  identifyCells,
  importEndpoint,
  InputProblems,
  LinkConfirmation,
  normaliseCode,
  normaliseDate,
  normaliseIdNumber,
  normaliseMobile,
  normaliseText,
  workerPseudonym,
  type BatchResult,
  type ImportColumn,
  type ImportKind,
  type KeyedRow,
  type Normalised,
  type ParsedRow,
  type RawCell,
  type RowRejection,
  type Subject,
} from '@jiuye/common';
import type { PartnerContext } from '../context';
import type { PartnerLoaders } from '../loaders';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { Transfer } from '../transfer/transfer.entity';
import type { RecordSelfOrganisedTransferInput } from '../transfer/transfer.inputs';
import { checkTransferFacts, OPEN_TRANSFER, pairingRefusal, type TransferFacts } from '../transfer/transfer.service';
import { requireCityOrDistrict } from '../validation';

export type TransferListColumn = 'seq' | 'name' | 'idNumber' | 'phone' | 'city' | 'employerName' | 'jobTitle' | 'trade' | 'startedOn' | 'fareReimbursed';

/**
 * 转移就业人员名单, as a partner city hands it over (and as the county keeps it): who, where to,
 * for whom, in which job, since when. 序号 and 姓名 are read and not kept (the partner department
 * keeps no names); 岗位 is the job title, 工种 stands for it when a list has no 岗位.
 */
export const TRANSFER_LIST_COLUMNS: readonly ImportColumn<TransferListColumn>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'name', labels: ['姓名', 'name'] },
  { key: 'idNumber', labels: ['身份证号码', '身份证号', '公民身份号码', 'idNumber'], required: true },
  { key: 'phone', labels: ['联系电话', '手机号码', '手机号', '联系方式', 'phone'] },
  { key: 'city', labels: ['输入地', '务工地', '转移地', '输入城市', '务工城市', '协作城市', 'city', 'cityCode'], required: true },
  { key: 'employerName', labels: ['用工单位', '单位', '务工单位', '工作单位', '就业单位', 'employerName'], required: true },
  { key: 'jobTitle', labels: ['岗位', '岗位/工种', '工作岗位', '就业岗位', 'jobTitle'] },
  { key: 'trade', labels: ['工种', 'trade'] },
  { key: 'startedOn', labels: ['转移时间', '外出时间', '上岗时间', '上岗日期', '务工时间', '就业时间', 'startedOn'], required: true },
  { key: 'fareReimbursed', labels: ['一次性交通补助', '交通补助', '是否享受一次性交通补助', 'fareReimbursed'] },
];

/** The city as the row names it: a code (checked as recordSelfOrganisedTransfer checks input.cityCode) or the city's name. */
type CityCell = { code: string; district: string | null; name?: undefined } | { name: string; code?: undefined; district?: undefined };

export interface TransferListRow {
  facts: TransferFacts;
  city: CityCell;
  workerId: string;
}

export interface TransferImportScope {
  pseudonymKey: string;
  /** The caller's scope, as for recordSelfOrganisedTransfer by the county office (a worker of their region). */
  canSee(subject: Subject): boolean | Promise<boolean>;
}

/** One answer for an ID number not in the registry and one registered outside the caller's region (the mutation's FORBIDDEN for both). */
export const OUTSIDE_SCOPE = 'the worker lies outside your scope';
const CITY_NOT_FOUND = 'partner city was not found: give its 4-digit code, a 6-digit district of it, or its name as the partner city list writes it';

/**
 * 转移就业人员名单 imported by the county office (partner staff of a region): each row is
 * recordSelfOrganisedTransfer as the county office records it — checkTransferFacts (ID number,
 * phone, employer, job title, a first working day not in the future), the city named (code,
 * district or name) and paired on or before that day (pairingRefusal), the worker in the
 * caller's region (one outside it and one not registered at all get the same OUTSIDE_SCOPE),
 * no other open transfer (the mutation's OPEN_TRANSFER: the county office sees every transfer
 * of its workers). The county's records are confirmed. The same transfer again (an open one of
 * the worker without batch, same city, district, employer, job, day, phone and fare) is
 * "unchanged": importing the list twice changes nothing.
 */
export function transferImportKind(scope: TransferImportScope): ImportKind<TransferListColumn, TransferListRow> {
  return {
    name: 'transfers',
    title: '转移就业人员名单',
    columns: TRANSFER_LIST_COLUMNS,
    parse: (values) => parseTransferRow(values, scope.pseudonymKey),
    identify: (values) => identifyCells({ idNumber: values.idNumber }, scope.pseudonymKey),
    apply: (em, rows, dryRun) => applyTransferRows(em, rows, dryRun, scope),
  };
}

const YES = new Set(['是', '有', '已发', '已享受', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '无', '未发', '未享受', 'n', 'no', 'false', '0', '×']);

/** 是/否 as offices write it; an empty cell is 否 (the mutation's default). */
function normaliseYesNo(cell: RawCell): Normalised<boolean> {
  const text = (normaliseText(cell) ?? '').normalize('NFKC').toLowerCase();
  if (text === '' || NO.has(text)) return { value: false };
  return YES.has(text) ? { value: true } : { problem: 'write 是 or 否' };
}

function parseCity(cell: RawCell): Normalised<CityCell> {
  const text = normaliseCode(cell);
  if (text === null) return { problem: 'is empty: give the partner city' };
  if (!/^\d+$/.test(text)) return { value: { name: text.normalize('NFKC') } };
  try {
    const place = requireCityOrDistrict(text, 'city');
    return { value: { code: place.city, district: place.district } };
  } catch (error) {
    return { problem: (error as Error).message.replace(/^city: /, '') };
  }
}

function parseTransferRow(values: Record<TransferListColumn, RawCell | undefined>, pseudonymKey: string): ParsedRow<TransferListRow, TransferListColumn> {
  const rejections: RowRejection<TransferListColumn>[] = [];
  const take = <T>(column: TransferListColumn, result: Normalised<T>, fallback: T): T => {
    if (result.problem === undefined) return result.value;
    rejections.push({ column, reason: result.problem });
    return fallback;
  };
  const idText = take('idNumber', normaliseIdNumber(values.idNumber ?? null), '');
  const idProblems = new InputProblems();
  if (idText && !checkIdNumber(idProblems, idText, 'idNumber')) for (const problem of idProblems.list()) rejections.push({ column: 'idNumber', reason: problem.message });
  const phone = take('phone', normaliseMobile(values.phone ?? null), null);
  const startedOn = take('startedOn', normaliseDate(values.startedOn ?? null), '');
  const fareReimbursed = take('fareReimbursed', normaliseYesNo(values.fareReimbursed ?? null), false);
  const city = take<CityCell | null>('city', parseCity(values.city ?? null), null);
  const input: RecordSelfOrganisedTransferInput = {
    idNumber: idText,
    phone,
    employerName: normaliseText(values.employerName ?? null) ?? '',
    jobTitle: normaliseText(values.jobTitle ?? null) ?? normaliseText(values.trade ?? null) ?? '',
    startedOn,
    fareReimbursed,
  };
  if (rejections.some((r) => r.column === 'idNumber')) return { rejections };
  // recordSelfOrganisedTransfer's own checks, on the columns that normalised (a column already refused is not checked twice).
  const problems = new InputProblems();
  const facts = checkTransferFacts(input, problems);
  const refused = new Set(rejections.map((r) => r.column));
  for (const problem of problems.list()) {
    const column = problem.field.replace(/^input\./, '') as TransferListColumn;
    if (!refused.has(column)) rejections.push({ column, reason: problem.message });
  }
  if (rejections.length || city === null) return { rejections };
  return { key: workerPseudonym(facts.idNumber, pseudonymKey), record: { facts, city, workerId: workerPseudonym(facts.idNumber, pseudonymKey) } };
}

/** A city by its code, or by its name as the partner city list writes it (深圳市), without 市 (深圳), or after its province (广东省深圳市). */
function cityFinder(cities: readonly PartnerCity[]): (cell: CityCell) => PartnerCity | undefined {
  const byCode = new Map(cities.map((c) => [c.code, c]));
  const byName = new Map<string, PartnerCity | null>();
  const add = (name: string, city: PartnerCity) => {
    const known = byName.get(name);
    byName.set(name, known === undefined || known === city ? city : null);
  };
  for (const city of cities) {
    add(city.name, city);
    add(city.name.replace(/市$/, ''), city);
    add(`${city.province}${city.name}`, city);
  }
  return (cell) => (cell.code !== undefined ? byCode.get(cell.code) : (byName.get(cell.name.replace(/\s/g, '')) ?? undefined));
}

type Result = BatchResult<TransferListColumn>;

async function applyTransferRows(em: EntityManager, rows: readonly KeyedRow<TransferListRow>[], dryRun: boolean, scope: TransferImportScope): Promise<Result[]> {
  const visible = await Promise.all(rows.map((row) => scope.canSee({ workerId: row.record.workerId })));
  // Only the workers the caller may write are read: nothing about the others is looked at.
  const writable = rows.filter((_, index) => visible[index]).map((row) => row.record.workerId);
  const [cities, open] = await Promise.all([
    em.find(PartnerCity, {}),
    writable.length ? em.find(Transfer, { workerId: { $in: writable }, endedOn: null, confirmation: LinkConfirmation.CONFIRMED }) : Promise.resolve([]),
  ]);
  const findCity = cityFinder(cities);
  const openOf = new Map(open.map((t) => [t.workerId, t]));
  const results = rows.map((row, index): Result => {
    const { facts, workerId } = row.record;
    if (!visible[index]) return { outcome: 'rejected', column: 'idNumber', reason: OUTSIDE_SCOPE };
    // The partner department does not know where a worker lives: the gateway's access log places them.
    const person = { workerId, villageCode: '' };
    const city = findCity(row.record.city);
    if (!city) return { outcome: 'rejected', column: 'city', reason: CITY_NOT_FOUND, person };
    const district = row.record.city.district ?? null;
    const beforePairing = pairingRefusal(city, facts.startedOn);
    if (beforePairing) return { outcome: 'rejected', column: 'startedOn', reason: beforePairing, person };
    const current = openOf.get(workerId);
    if (current) {
      const same =
        current.batchId === null &&
        current.cityCode === city.code &&
        current.destinationDistrict === district &&
        current.employerName === facts.employerName &&
        current.jobTitle === facts.jobTitle &&
        current.startedOn === facts.startedOn &&
        current.phone === facts.phone &&
        current.fareReimbursed === facts.fareReimbursed;
      return same ? { outcome: 'unchanged', person } : { outcome: 'rejected', column: 'idNumber', reason: OPEN_TRANSFER, person };
    }
    if (!dryRun) {
      em.create(Transfer, {
        batchId: null,
        workerId,
        idNumber: facts.idNumber,
        phone: facts.phone,
        cityCode: city.code,
        destinationDistrict: district,
        employerName: facts.employerName,
        jobTitle: facts.jobTitle,
        startedOn: facts.startedOn,
        fareReimbursed: facts.fareReimbursed,
        confirmation: LinkConfirmation.CONFIRMED,
      });
    }
    return { outcome: 'inserted', person };
  });
  if (!dryRun) await em.flush();
  return results;
}

/** partner's spreadsheet imports (behind the gateway's /imports/partner/<kind>): the county office (partner staff of a region), as recordSelfOrganisedTransfer. */
export const partnerImports = importEndpoint<PartnerLoaders>(
  {
    transfers: {
      build(context: PartnerContext) {
        // recordSelfOrganisedTransfer's department and purpose checks; a partner city records its own people through the graph (pending until the county confirms).
        context.access.requireDepartment('partner', 'transfers');
        if (context.access.kind !== 'region') throw forbidden('transfer lists are imported by the county office (partner staff of a region)', 'no-region-scope');
        return transferImportKind({
          pseudonymKey: context.config.pseudonymKey,
          canSee: (subject) => context.access.canSee(subject),
        }) as unknown as ImportKind<string, unknown>;
      },
      fields: ['Transfer.city', 'Transfer.employerName', 'Transfer.jobTitle', 'Transfer.startedOn', 'Transfer.phoneMasked', 'Transfer.fareReimbursed'],
    },
  },
  { department: 'partner' },
);
