import type { EntityManager } from '@mikro-orm/postgresql';
import {
  checkIdNumber,
  errorCodeOf,
  identifyCells,
  InputProblems,
  isHouseholdCode,
  isUserFacing,
  normaliseCode,
  normaliseDate,
  normaliseIdNumber,
  normaliseText,
  PovertyStatusVocabulary,
  todayInChina,
  villageOfHousehold,
  vocabularyReader,
  workerPseudonym,
  type BatchResult,
  type ImportColumn,
  type ImportKind,
  type KeyedRow,
  type Normalised,
  type ParsedRow,
  type PovertyStatus,
  type RawCell,
  type RowRejection,
  type Subject,
} from '@jiuye/common';
import { RegisteredHousehold } from '../household/household.entity';
import { applyStatusChange } from '../status/status.service';
import { checkHouseholdCode, checkText, HouseholdService, NAME_LENGTH, statusLabel } from '../household/household.service';
import { HouseholdMember, RelationshipVocabulary, type Relationship } from '../member/member.entity';
import { HouseholdMemberService } from '../member/member.service';

export type HouseholdColumn = 'seq' | 'householdCode' | 'village' | 'idNumber' | 'name' | 'relationship' | 'status' | 'registeredOn' | 'reason' | 'liftedOn';

/** 建档立卡贫困户名单: one row per member; the household's columns repeated on each row or given on the head's row only. */
export const HOUSEHOLD_COLUMNS: readonly ImportColumn<HouseholdColumn>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'householdCode', labels: ['户编号', '家庭户编号', 'householdCode'], required: true },
  { key: 'village', labels: ['行政村', '村', '所在村', '村名称', 'villageCode'] },
  { key: 'idNumber', labels: ['身份证号码', '身份证号', '证件号码', 'idNumber'], required: true },
  { key: 'name', labels: ['姓名', 'name'], required: true },
  { key: 'relationship', labels: ['与户主关系', '与户主的关系', 'relationship'], required: true },
  { key: 'status', labels: ['贫困状态', '贫困户状态', '脱贫状态', 'status'] },
  { key: 'registeredOn', labels: ['识别年度', '识别日期', '识别时间', '建档日期', '纳入日期', 'registeredOn'] },
  { key: 'reason', labels: ['主要致贫原因', '致贫原因', '致贫/返贫风险', 'reason'] },
  { key: 'liftedOn', labels: ['脱贫年度', '脱贫年份', '脱贫时间', '脱贫日期', '标注脱贫年度', 'liftedOn'] },
];

/** The household's columns: present on the head's row at least; equal wherever they are repeated. */
const HOUSEHOLD_FIELDS = ['status', 'registeredOn', 'reason', 'liftedOn'] as const;
type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];

export interface MemberRow {
  householdCode: string;
  idNumber: string;
  name: string;
  relationship: Relationship;
  status: PovertyStatus | null;
  registeredOn: string | null;
  reason: string | null;
  /** 脱贫年度 / 脱贫日期 of an 已脱贫 household (a year: lifted on 31 December of it, or today if that is later). */
  liftedOn: string | null;
}

export interface HouseholdImportScope {
  pseudonymKey: string;
  canSee(subject: Subject): boolean | Promise<boolean>;
}

const relationshipOf = vocabularyReader(RelationshipVocabulary);
const statusOf = vocabularyReader(PovertyStatusVocabulary);

/**
 * 建档立卡贫困户名单: rows grouped by 户编号 (the engine's groups), each household written as
 * registerHousehold writes it (a new one) or its new members as addHouseholdMember adds them (a
 * registered one) — the services themselves, so every check and answer is the mutation's. A
 * household outside the caller's scope is refused as the mutations refuse it.
 */
export function householdImportKind(scope: HouseholdImportScope): ImportKind<HouseholdColumn, MemberRow> {
  return {
    name: 'households',
    title: '建档立卡贫困户名单',
    columns: HOUSEHOLD_COLUMNS,
    parse: (values) => parseMemberRow(values, scope.pseudonymKey),
    identify: (values) => identifyCells(values, scope.pseudonymKey),
    groupOf: (values) => normaliseCode(values.householdCode ?? null),
    groupRefused: (line) => `the household is refused with line ${line}: fix that line and import the household again`,
    duplicate: (line) => `the same person as line ${line}`,
    apply: (em, rows) => applyHousehold(em, rows, scope),
  };
}

function parseMemberRow(values: Record<HouseholdColumn, RawCell | undefined>, pseudonymKey: string): ParsedRow<MemberRow, HouseholdColumn> {
  const rejections: RowRejection<HouseholdColumn>[] = [];
  const take = <T>(column: HouseholdColumn, result: Normalised<T>): T | null => {
    if (result.problem === undefined) return result.value;
    rejections.push({ column, reason: result.problem });
    return null;
  };
  const optional = <T>(column: HouseholdColumn, read: (cell: RawCell) => Normalised<T>): T | null => {
    const cell = values[column] ?? null;
    return normaliseText(cell) === null && !(cell instanceof Date) && typeof cell !== 'number' ? null : take(column, read(cell));
  };
  // registerHousehold's own checks (household code, ID number, name).
  const problems = new InputProblems();
  const householdCode = normaliseCode(values.householdCode ?? null) ?? '';
  checkHouseholdCode(problems, householdCode, 'householdCode');
  const idNumber = take('idNumber', normaliseIdNumber(values.idNumber ?? null));
  const parsed = idNumber === null ? null : checkIdNumber(problems, idNumber, 'idNumber');
  const name = checkText(problems, normaliseText(values.name ?? null) ?? '', 'name', NAME_LENGTH);
  const relationshipCell = values.relationship ?? null;
  if (normaliseText(relationshipCell) === null) rejections.push({ column: 'relationship', reason: 'is empty' });
  const relationship = normaliseText(relationshipCell) === null ? null : take('relationship', relationshipOf(relationshipCell));
  const village = normaliseCode(values.village ?? null);
  // A village given as its code must be the household code's; a village name is not checked (the code decides).
  if (village && /^\d{12}$/.test(village) && isHouseholdCode(householdCode) && village !== villageOfHousehold(householdCode)) {
    rejections.push({ column: 'village', reason: 'is not the village of the household code (its first 12 digits)' });
  }
  const status = optional('status', statusOf);
  const registeredOn = optional('registeredOn', readRegistrationDay);
  const reason = normaliseText(values.reason ?? null);
  const liftedOn = optional('liftedOn', readLiftingDay);
  for (const problem of problems.list()) rejections.push({ column: problem.field as HouseholdColumn, reason: problem.message });
  if (rejections.length || !parsed || idNumber === null || relationship === null) return { rejections };
  return { key: workerPseudonym(idNumber, pseudonymKey), record: { householdCode, idNumber, name, relationship, status, registeredOn, reason, liftedOn } };
}

/** 识别年度 (a year: the household registers on 1 January of it) or 识别日期 (a day). */
function readRegistrationDay(cell: RawCell): Normalised<string> {
  const year = /^(\d{4})年?$/.exec(typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2999 ? String(cell) : (normaliseText(cell) ?? ''));
  return year ? { value: `${year[1]}-01-01` } : normaliseDate(cell);
}

/** 脱贫年度 (a year: the household was lifted by its last day, or today in the current year) or 脱贫日期 (a day). */
function readLiftingDay(cell: RawCell): Normalised<string> {
  const year = /^(\d{4})年?$/.exec(typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2999 ? String(cell) : (normaliseText(cell) ?? ''));
  if (!year) return normaliseDate(cell);
  const today = todayInChina();
  const last = `${year[1]}-12-31`;
  return { value: last < today ? last : today };
}

type Result = BatchResult<HouseholdColumn>;

/** One household: its rows in file order, inside the engine's savepoint (undone when any row is refused, and in a dry run). */
async function applyHousehold(em: EntityManager, rows: readonly KeyedRow<MemberRow>[], scope: HouseholdImportScope): Promise<Result[]> {
  const code = rows[0].record.householdCode;
  if (!(await scope.canSee({ place: code }))) return rows.map(() => ({ outcome: 'rejected', column: 'householdCode', reason: 'lies outside your scope' }));
  const person = (row: KeyedRow<MemberRow>) => ({ workerId: row.key, villageCode: villageOfHousehold(code) });
  const results: Result[] = rows.map((row) => ({ outcome: 'unchanged', person: person(row) }));
  const refuse = (index: number, column: HouseholdColumn | null, reason: string, registered?: string) => {
    if (results[index].outcome !== 'rejected') results[index] = { outcome: 'rejected', column, reason, person: person(rows[index]), ...(registered ? { registered } : {}) };
  };
  // The household's columns: the first row that gives one is the household's; a later row saying otherwise is refused.
  const source: Partial<Record<HouseholdField, number>> = {};
  for (const field of HOUSEHOLD_FIELDS) {
    rows.forEach((row, index) => {
      if (row.record[field] === null) return;
      const first = source[field];
      if (first === undefined) source[field] = index;
      else if (rows[first].record[field] !== row.record[field]) {
        refuse(index, field, `differs from line ${rows[first].line}: a household's columns say the same on each of its rows (or stand on the head's row only)`);
      }
    });
  }
  if (results.some((r) => r.outcome === 'rejected')) return results;
  const value = <F extends HouseholdField>(field: F) => (source[field] === undefined ? null : rows[source[field]!].record[field]);
  const headIndex = Math.max(
    0,
    rows.findIndex((row) => row.record.relationship === 'HEAD'),
  );

  /** A service's refusal, on the row and column its field names. */
  const refuseWith = async (error: unknown, rowOfMember: (index: number) => number, rename: (field: string) => string = (field) => field) => {
    if (!isUserFacing(error)) throw error;
    const extensions = (error as { extensions: { field?: string; problems?: { field: string; message: string }[] } }).extensions;
    const problems = extensions.problems ?? [{ field: extensions.field ?? '', message: (error as Error).message.replace(/^[\w.[\]]+: /, '') }];
    for (const { field: named, message } of problems) {
      const problem = { field: rename(named), message };
      const member = /^input\.members\[(\d+)\]\.(\w+)$/.exec(problem.field);
      if (member) {
        const index = rowOfMember(Number(member[1]));
        const column = member[2] as HouseholdColumn;
        // Another household (outside the caller's scope) holds this person: an existence answer, charged like registerWorker's.
        const registered = column === 'idNumber' && errorCodeOf(error) === 'CONFLICT' && (await heldOutsideScope(em, rows[index].key, scope)) ? rows[index].key : undefined;
        refuse(index, column, problem.message, registered);
        continue;
      }
      const field = problem.field.replace(/^input\./, '');
      if (field === 'code' || field === 'householdCode') refuse(headIndex, 'householdCode', problem.message);
      else if (field === 'members') refuse(headIndex, 'relationship', problem.message);
      else if ((HOUSEHOLD_FIELDS as readonly string[]).includes(field)) refuse(source[field as HouseholdField] ?? headIndex, field as HouseholdColumn, problem.message);
      else refuse(headIndex, null, problem.message);
    }
  };

  const household = await em.findOne(RegisteredHousehold, { code });
  if (!household) {
    // A new household: registerHousehold with every member of the file.
    if (value('status') === null) refuse(headIndex, 'status', 'is empty: a new household needs its status (on the head’s row at least)');
    if (value('registeredOn') === null) refuse(headIndex, 'registeredOn', 'is empty: a new household needs its year or day of registration (on the head’s row at least)');
    // 已脱贫: registered as 未脱贫 on its registration day, then lifted on its 脱贫年度 — the two dated steps the mutations take.
    const lifted = value('status') === 'LIFTED';
    const liftedOn = value('liftedOn');
    if (lifted && liftedOn === null) refuse(source.status ?? headIndex, 'status', 'is 已脱贫: give the household’s 脱贫年度 (or 脱贫日期) too (on the head’s row at least)');
    if (!lifted && liftedOn !== null) refuse(source.liftedOn!, 'liftedOn', 'is given for a household that is not 已脱贫');
    if (liftedOn !== null && liftedOn > todayInChina()) refuse(source.liftedOn!, 'liftedOn', 'must not be in the future');
    else if (lifted && liftedOn !== null && value('registeredOn') !== null && liftedOn < value('registeredOn')!)
      refuse(source.liftedOn!, 'liftedOn', `is before the household was registered (${value('registeredOn')})`);
    if (results.some((r) => r.outcome === 'rejected')) return results;
    try {
      const registered = await new HouseholdService(em, scope.pseudonymKey, (c) => scope.canSee({ place: c })).register({
        code,
        registeredOn: value('registeredOn')!,
        status: lifted ? 'NOT_LIFTED' : value('status')!,
        reason: value('reason') ?? '',
        members: rows.map((row) => ({ idNumber: row.record.idNumber, name: row.record.name, relationship: row.record.relationship })),
      });
      if (lifted) {
        const household = await em.findOneOrFail(RegisteredHousehold, { code: registered.code });
        applyStatusChange(em, household, 'LIFTED', liftedOn!, `脱贫（导入：脱贫年度 ${liftedOn!.slice(0, 4)}）`);
        await em.flush();
      }
      return rows.map((row) => ({ outcome: 'inserted', person: person(row) }));
    } catch (error) {
      await refuseWith(error, (index) => index);
      return results;
    }
  }
  // A registered household: the file's status must be the register's (it changes through changePovertyStatus).
  const status = value('status');
  if (status !== null && status !== household.povertyStatus) {
    refuse(
      source.status!,
      'status',
      `the register has the household as ${statusLabel(household.povertyStatus)} since ${household.statusSince}; record a status change through changePovertyStatus`,
    );
  }
  const current = new Map((await em.find(HouseholdMember, { householdCode: code, removedOn: null })).map((m) => [m.workerId, m]));
  const joining: number[] = [];
  rows.forEach((row, index) => {
    const member = current.get(row.key);
    if (!member) return void joining.push(index);
    if (member.relationship !== row.record.relationship) {
      refuse(
        index,
        'relationship',
        'differs from the register: a head changes when the head leaves (removeHouseholdMember names the new head), another relationship when the member leaves and joins again',
      );
    } else if (member.name !== row.record.name) refuse(index, 'name', 'differs from the register for this ID number');
  });
  // New members as addHouseholdMember adds them, each with its own answer.
  const members = new HouseholdMemberService(em, scope.pseudonymKey, (c) => scope.canSee({ place: c }));
  for (const index of joining) {
    const { idNumber, name, relationship } = rows[index].record;
    try {
      await members.add({ householdCode: code, idNumber, name, relationship });
      if (results[index].outcome !== 'rejected') results[index] = { outcome: 'inserted', person: person(rows[index]) };
    } catch (error) {
      await refuseWith(error, () => index, memberField);
    }
  }
  return results;
}

/** addHouseholdMember's fields (input.idNumber…) as registerHousehold's member fields, so one mapping serves both. */
function memberField(field: string): string {
  return field.replace(/^input\.(idNumber|name|relationship)$/, 'input.members[0].$1');
}

async function heldOutsideScope(em: EntityManager, workerId: string, scope: HouseholdImportScope): Promise<boolean> {
  const elsewhere = await em.findOne(HouseholdMember, { workerId, removedOn: null }, { fields: ['householdCode'] });
  return elsewhere !== null && !(await scope.canSee({ place: elsewhere.householdCode }));
}
