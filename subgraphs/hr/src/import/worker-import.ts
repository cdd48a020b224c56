import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EducationVocabulary,
  EmploymentIntentionVocabulary,
  EmploymentStatusVocabulary,
  identifyCells,
  normaliseCode,
  normaliseDate,
  normaliseIdNumber,
  normaliseMobile,
  normaliseText,
  PopulationStatusVocabulary,
  SkillLevelVocabulary,
  todayInChina,
  TradeVocabulary,
  villageOfHousehold,
  vocabularyReader,
  workerPseudonym,
  type BatchResult,
  type EmploymentStatus,
  type ImportColumn,
  type ImportKind,
  type KeyedRow,
  type Normalised,
  type ParsedIdNumber,
  type ParsedRow,
  type RawCell,
  type RowRejection,
  type Subject,
} from '@jiuye/common';
import { DivisionRecord } from '../division/division.entity';
import { Employment } from '../employment/employment.entity';
import { InputCheck } from '../validation';
import { WorkerRecord } from '../worker/worker.entity';
import type { RegisterWorkerInput } from '../worker/worker.inputs';
import { ALREADY_REGISTERED, checkRegistration, checkRegistryAge, OPEN_EMPLOYMENT_MESSAGE, SET_BY_EMPLOYMENT_RECORDS, UNKNOWN_VILLAGE_MESSAGE } from '../worker/worker.service';

export type WorkerColumn = 'seq' | 'verifiedOn' | keyof RegisterWorkerInput;

/** 劳动力实名登记: the county form's headers (and the mutation's field names). 序号 is read and ignored. */
export const WORKER_COLUMNS: readonly ImportColumn<WorkerColumn>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'name', labels: ['姓名', 'name'], required: true },
  { key: 'idNumber', labels: ['身份证号码', '身份证号', '公民身份号码', 'idNumber'], required: true },
  { key: 'phone', labels: ['联系电话', '手机号码', '手机号', 'phone'] },
  { key: 'householdCode', labels: ['户编号', '家庭户编号', 'householdCode'], required: true },
  { key: 'populationStatus', labels: ['人口状态', 'populationStatus'], required: true },
  { key: 'employmentStatus', labels: ['就业状态', 'employmentStatus'], required: true },
  { key: 'employmentIntention', labels: ['就业意愿', 'employmentIntention'], required: true },
  { key: 'skillLevel', labels: ['技能水平', '技能等级', 'skillLevel'], required: true },
  { key: 'trainingWish', labels: ['培训意愿', '培训需求', 'trainingWish'] },
  { key: 'education', labels: ['文化程度', 'education'], required: true },
  { key: 'verifiedOn', labels: ['核实日期', '登记日期', 'verifiedOn'] },
];

/** A row as the mutation would take it, the birth date from its ID number, and whether it claims 已就业. */
export interface WorkerRow {
  input: RegisterWorkerInput;
  parsed: ParsedIdNumber;
  /** The file says EMPLOYED: accepted only as "no change" for a worker whose records already say so. */
  claimsEmployed: boolean;
  /** The file has the column (an absent column leaves the field as it is). */
  hasTrainingWish: boolean;
  /** 核实日期: the day of the verification (or registration) the row records; today when the file has none. */
  verifiedOn: string | null;
}

const VOCABULARIES = {
  populationStatus: vocabularyReader(PopulationStatusVocabulary),
  employmentStatus: vocabularyReader(EmploymentStatusVocabulary),
  employmentIntention: vocabularyReader(EmploymentIntentionVocabulary),
  skillLevel: vocabularyReader(SkillLevelVocabulary),
  education: vocabularyReader(EducationVocabulary),
} as const;
const trainingWish = vocabularyReader(TradeVocabulary);

export interface WorkerImportScope {
  pseudonymKey: string;
  /** The caller's scope, as for registerWorker (a household's place) and updateSixClarities (a worker and their village). */
  canSee(subject: Subject): boolean | Promise<boolean>;
}

/**
 * 劳动力实名登记 import: each row is a registration (registerWorker's rules) for a new person,
 * and a monthly verification (updateSixClarities's rules) for one registered in the caller's
 * scope. The answers and their order follow registerWorker: a household outside the scope is
 * FORBIDDEN's "lies outside your scope", an unknown village UNKNOWN_VILLAGE, an ID number
 * registered outside the scope ALREADY_REGISTERED (whether the row would change it or not).
 */
export function workerImportKind(scope: WorkerImportScope): ImportKind<WorkerColumn, WorkerRow> {
  return {
    name: 'workers',
    title: '劳动力实名登记',
    columns: WORKER_COLUMNS,
    parse: (values) => parseWorkerRow(values, scope.pseudonymKey),
    identify: (values) => identifyCells(values, scope.pseudonymKey),
    apply: (em, rows, dryRun) => applyWorkerRows(em, rows, dryRun, scope),
  };
}

function parseWorkerRow(values: Record<WorkerColumn, RawCell | undefined>, pseudonymKey: string): ParsedRow<WorkerRow, WorkerColumn> {
  const rejections: RowRejection<WorkerColumn>[] = [];
  const take = <T>(column: WorkerColumn, result: Normalised<T>, fallback: T): T => {
    if (result.problem !== undefined) {
      rejections.push({ column, reason: result.problem });
      return fallback;
    }
    return result.value;
  };
  const idNumber = take('idNumber', normaliseIdNumber(values.idNumber ?? null), '');
  const phone = take('phone', normaliseMobile(values.phone ?? null), null);
  const vocab = <K extends keyof typeof VOCABULARIES>(column: K) => {
    const cell = values[column] ?? null;
    if (normaliseText(cell) === null) {
      rejections.push({ column, reason: 'is empty' });
      return null;
    }
    return take(column, VOCABULARIES[column](cell) as Normalised<string>, null);
  };
  const populationStatus = vocab('populationStatus');
  const employmentStatus = vocab('employmentStatus') as EmploymentStatus | null;
  const employmentIntention = vocab('employmentIntention');
  const skillLevel = vocab('skillLevel');
  const education = vocab('education');
  const dateCell = values.verifiedOn ?? null;
  const verifiedOn = normaliseText(dateCell) === null && !(dateCell instanceof Date) && typeof dateCell !== 'number' ? null : take('verifiedOn', normaliseDate(dateCell), null);
  const wishCell = values.trainingWish ?? null;
  const wish = normaliseText(wishCell) === null || normaliseText(wishCell) === '无' ? null : take('trainingWish', trainingWish(wishCell), null);
  const input = {
    idNumber,
    name: normaliseText(values.name ?? null) ?? '',
    phone,
    householdCode: normaliseCode(values.householdCode ?? null) ?? '',
    populationStatus,
    // EMPLOYED is decided against the record (apply); the other rules are checked as they are.
    employmentStatus: employmentStatus === 'EMPLOYED' ? 'UNEMPLOYED' : employmentStatus,
    employmentIntention,
    skillLevel,
    education,
    trainingWish: wish,
  } as RegisterWorkerInput;
  // registerWorker's own checks, on the columns that normalised (a column already refused is not checked twice).
  const check = new InputCheck();
  const { parsed, name } = checkRegistration(check, input);
  if (verifiedOn) check.notInFuture(verifiedOn, 'input.verifiedOn');
  const refused = new Set(rejections.map((r) => r.column));
  for (const problem of check.list()) {
    const column = problem.field.replace(/^input\./, '') as WorkerColumn;
    if (!refused.has(column)) rejections.push({ column, reason: problem.message });
  }
  if (rejections.length || !parsed) return { rejections };
  return {
    key: workerPseudonym(idNumber, pseudonymKey),
    record: {
      input: { ...input, name, employmentStatus: employmentStatus! },
      parsed,
      claimsEmployed: employmentStatus === 'EMPLOYED',
      hasTrainingWish: values.trainingWish !== undefined,
      verifiedOn,
    },
  };
}

const OUTSIDE_SCOPE = 'lies outside your scope';
/** The columns an import registration writes (registered_at takes its default), as registerWorker's record has them. */
const INSERT_COLUMNS = [
  'id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'phone',
  'household_code',
  'village_code',
  'population_status',
  'employment_status',
  'employment_intention',
  'skill_level',
  'training_wish',
  'education',
  'verified_on',
];
type Result = BatchResult<WorkerColumn>;
const rejected = (column: WorkerColumn | null, reason: string, person?: Result['person']): Result => ({ outcome: 'rejected', column, reason, ...(person ? { person } : {}) });

async function applyWorkerRows(em: EntityManager, rows: readonly KeyedRow<WorkerRow>[], dryRun: boolean, scope: WorkerImportScope): Promise<Result[]> {
  const ids = rows.map((row) => row.key);
  const villages = [...new Set(rows.map((row) => villageOfHousehold(row.record.input.householdCode)))];
  const [found, known] = await Promise.all([em.find(WorkerRecord, { id: { $in: ids } }), em.find(DivisionRecord, { code: { $in: villages } }, { fields: ['code'] })]);
  const knownVillages = new Set(known.map((d) => d.code));
  const existing = new Map(found.map((w) => [w.id, w]));
  const householdInScope = await Promise.all(rows.map((row) => scope.canSee({ place: row.record.input.householdCode })));
  const workerVisible = await Promise.all(rows.map((row) => (existing.has(row.key) ? scope.canSee({ workerId: row.key, place: existing.get(row.key)!.villageCode }) : false)));
  // Lock only the workers the caller may write (as updateSixClarities does): a hidden worker's row never makes an import wait.
  const writable = rows.filter((_, index) => workerVisible[index] && householdInScope[index]).map((row) => row.key);
  const locked = writable.length ? await em.find(WorkerRecord, { id: { $in: writable } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : [];
  for (const worker of locked) existing.set(worker.id, worker);
  const open = writable.length
    ? new Set((await em.find(Employment, { workerId: { $in: writable }, endsOn: null }, { fields: ['workerId'] })).map((e) => e.workerId))
    : new Set<string>();
  const today = todayInChina();
  const inserts: Record<string, string | null>[] = [];
  const results = rows.map((row, index): Result => {
    const { input, parsed, claimsEmployed, hasTrainingWish } = row.record;
    const verifiedOn = row.record.verifiedOn ?? today;
    const villageCode = villageOfHousehold(input.householdCode);
    if (!householdInScope[index]) return rejected('householdCode', OUTSIDE_SCOPE);
    if (!knownVillages.has(villageCode)) return rejected('householdCode', UNKNOWN_VILLAGE_MESSAGE);
    const worker = existing.get(row.key);
    if (worker && !workerVisible[index]) return { outcome: 'rejected', column: 'idNumber', reason: ALREADY_REGISTERED, registered: row.key };
    if (!worker) {
      const check = new InputCheck();
      checkRegistryAge(check, parsed, 'idNumber');
      const [tooOld] = check.list();
      if (tooOld) return rejected('idNumber', tooOld.message);
      if (claimsEmployed) return rejected('employmentStatus', SET_BY_EMPLOYMENT_RECORDS);
      inserts.push({
        id: row.key,
        id_number: input.idNumber,
        name: input.name,
        sex: parsed.sex,
        birth_date: parsed.birthDate,
        phone: input.phone ?? null,
        household_code: input.householdCode,
        village_code: villageCode,
        population_status: input.populationStatus,
        employment_status: input.employmentStatus,
        employment_intention: input.employmentIntention,
        skill_level: input.skillLevel,
        training_wish: input.trainingWish ?? null,
        education: input.education,
        verified_on: verifiedOn,
      });
      return { outcome: 'inserted', person: { workerId: row.key, villageCode } };
    }
    const person: Result['person'] = { workerId: worker.id, villageCode: worker.villageCode };
    // A registered worker in scope: the monthly verification of their six clarities (and phone).
    if (worker.householdCode !== input.householdCode)
      return rejected('householdCode', 'differs from the registry record; the county office moves a record between households', person);
    if (worker.name !== input.name) return rejected('name', 'differs from the registry record (the name as on the ID card); correct whichever is wrong', person);
    if (claimsEmployed && worker.employmentStatus !== 'EMPLOYED') return rejected('employmentStatus', SET_BY_EMPLOYMENT_RECORDS, person);
    const status = claimsEmployed ? worker.employmentStatus : input.employmentStatus;
    if (status !== worker.employmentStatus && open.has(worker.id)) return rejected('employmentStatus', OPEN_EMPLOYMENT_MESSAGE, person);
    const changes: Partial<WorkerRecord> = {};
    if (input.populationStatus !== worker.populationStatus) changes.populationStatus = input.populationStatus;
    if (status !== worker.employmentStatus) changes.employmentStatus = status;
    if (input.employmentIntention !== worker.employmentIntention) changes.employmentIntention = input.employmentIntention;
    if (input.skillLevel !== worker.skillLevel) changes.skillLevel = input.skillLevel;
    if (input.education !== worker.education) changes.education = input.education;
    if (hasTrainingWish && (input.trainingWish ?? null) !== worker.trainingWish) changes.trainingWish = input.trainingWish ?? null;
    // An empty phone cell keeps the recorded number; a valid one replaces it.
    if (input.phone && input.phone !== worker.phone) changes.phone = input.phone;
    // A later 核实日期 with nothing else changed is a verification, recorded as such; the same file again changes nothing.
    const verifiedLater = row.record.verifiedOn !== null && (worker.verifiedOn === null || row.record.verifiedOn > worker.verifiedOn);
    if (Object.keys(changes).length === 0 && !verifiedLater) return { outcome: 'unchanged', person };
    if (!dryRun) Object.assign(worker, changes, { verifiedOn });
    return { outcome: 'updated', person };
  });
  if (!dryRun) {
    await em.flush();
    // New registrations in one statement (10^5 rows: the ORM's unit of work per entity was most of the time).
    if (inserts.length)
      await em.execute(`insert into "worker" (${INSERT_COLUMNS.join(', ')}) select ${INSERT_COLUMNS.join(', ')} from json_populate_recordset(null::"worker", ?::json)`, [
        JSON.stringify(inserts),
      ]);
  }
  return results;
}
