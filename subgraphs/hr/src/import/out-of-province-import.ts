import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  identifyCells,
  normaliseDate,
  normaliseIdNumber,
  normaliseText,
  workerPseudonym,
  type BatchResult,
  type ImportColumn,
  type ImportKind,
  type KeyedRow,
  type ParsedRow,
  type RawCell,
  type RowRejection,
} from '@jiuye/common';
import { Employment } from '../employment/employment.entity';
import type { RecordEmploymentStartInput } from '../employment/employment.inputs';
import { checkEmploymentStart, employmentStartRefusal, openEmployment } from '../employment/employment.service';
import { InputCheck } from '../validation';
import { WorkerRecord } from '../worker/worker.entity';
import type { InScope } from '../worker/worker.service';

export type OutOfProvinceColumn = 'seq' | 'name' | 'idNumber' | 'employerName' | 'location' | 'startsOn' | 'monthlyWage';

/** 省外务工贫困劳动力名单, as the province's list is handed over: who, where, for whom, since when, for how much. */
export const OUT_OF_PROVINCE_COLUMNS: readonly ImportColumn<OutOfProvinceColumn>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'name', labels: ['姓名', 'name'] },
  { key: 'idNumber', labels: ['身份证号码', '身份证号', '公民身份号码', 'idNumber'], required: true },
  { key: 'location', labels: ['务工地点', '务工地址', '就业地点', 'location'], required: true },
  { key: 'employerName', labels: ['用工单位', '务工单位', '工作单位', 'employerName'], required: true },
  { key: 'startsOn', labels: ['务工开始时间', '外出务工时间', '开始务工时间', '务工时间', 'startsOn'], required: true },
  { key: 'monthlyWage', labels: ['月收入', '月工资', '月收入（元）', '月工资（元）', 'monthlyWage'], required: true },
];

export interface OutOfProvinceRow {
  input: RecordEmploymentStartInput;
  name: string | null;
  workerId: string;
}

const NOT_FOUND = 'worker was not found';

/**
 * Each row is recordEmploymentStart of a 省外转移 (TRANSFER_OUT_OF_PROVINCE, OUT_OF_PROVINCE)
 * employment, with that mutation's rules (checkEmploymentStart, employmentStartRefusal): a
 * worker registered in the caller's scope (one who is not, or lies outside it, gets the same
 * NOT_FOUND), a name as in the registry when the file gives one, no open employment and none
 * ended on or after the start. The same employment again (an open one with the same employer,
 * place, start and wage) is "unchanged": importing the list twice changes nothing.
 */
export function outOfProvinceImportKind(scope: { pseudonymKey: string; inScope: InScope }): ImportKind<OutOfProvinceColumn, OutOfProvinceRow> {
  return {
    name: 'out-of-province',
    title: '省外务工贫困劳动力名单',
    columns: OUT_OF_PROVINCE_COLUMNS,
    parse: (values) => parseRow(values, scope.pseudonymKey),
    identify: (values) => identifyCells({ idNumber: values.idNumber }, scope.pseudonymKey),
    apply: (em, rows, dryRun) => applyRows(em, rows, dryRun, scope.inScope),
  };
}

function parseRow(values: Record<OutOfProvinceColumn, RawCell | undefined>, pseudonymKey: string): ParsedRow<OutOfProvinceRow, OutOfProvinceColumn> {
  const rejections: RowRejection<OutOfProvinceColumn>[] = [];
  const id = normaliseIdNumber(values.idNumber ?? null);
  if (id.problem !== undefined) rejections.push({ column: 'idNumber', reason: id.problem });
  const day = normaliseDate(values.startsOn ?? null);
  if (day.problem !== undefined) rejections.push({ column: 'startsOn', reason: day.problem });
  const wageText = normaliseText(values.monthlyWage ?? null)?.replace(/元$/, '') ?? '';
  const input: RecordEmploymentStartInput = {
    idNumber: id.value ?? '',
    kind: 'TRANSFER_OUT_OF_PROVINCE',
    place: 'OUT_OF_PROVINCE',
    employerName: normaliseText(values.employerName ?? null) ?? '',
    location: normaliseText(values.location ?? null) ?? '',
    startsOn: day.value ?? '',
    monthlyWage: Number(wageText || NaN),
  };
  // recordEmploymentStart's own checks, on the columns that normalised.
  const check = new InputCheck();
  const { employerName, location } = checkEmploymentStart(check, input);
  const refused = new Set(rejections.map((r) => r.column));
  for (const problem of check.list()) {
    const column = problem.field.replace(/^input\./, '') as OutOfProvinceColumn;
    if (!refused.has(column)) rejections.push({ column, reason: problem.message });
  }
  if (rejections.length) return { rejections };
  const workerId = workerPseudonym(input.idNumber, pseudonymKey);
  return { key: workerId, record: { input: { ...input, employerName, location }, name: normaliseText(values.name ?? null), workerId } };
}

type Result = BatchResult<OutOfProvinceColumn>;

async function applyRows(em: EntityManager, rows: readonly KeyedRow<OutOfProvinceRow>[], dryRun: boolean, inScope: InScope): Promise<Result[]> {
  const visible = await Promise.all(rows.map((row) => inScope(row.record.workerId)));
  // Only the workers the caller may write are read and locked (as requireRegisteredWorker does).
  const writable = rows.filter((_, index) => visible[index]).map((row) => row.record.workerId);
  const [workers, spells] = writable.length
    ? await Promise.all([
        em.find(WorkerRecord, { id: { $in: writable } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }),
        em.find(Employment, { workerId: { $in: writable } }, { orderBy: { startsOn: 'desc' } }),
      ])
    : [[], []];
  const byId = new Map(workers.map((w) => [w.id, w]));
  const results: Result[] = [];
  for (const [index, row] of rows.entries()) {
    const { input, name, workerId } = row.record;
    const worker = visible[index] ? byId.get(workerId) : undefined;
    if (!worker) {
      results.push({ outcome: 'rejected', column: 'idNumber', reason: NOT_FOUND });
      continue;
    }
    const person = { workerId, villageCode: worker.villageCode };
    if (name !== null && name !== worker.name) {
      results.push({ outcome: 'rejected', column: 'name', reason: 'differs from the registry record (the name as on the ID card); correct whichever is wrong', person });
      continue;
    }
    const own = spells.filter((e) => e.workerId === workerId);
    const open = own.find((e) => e.endsOn === null);
    const same =
      open &&
      open.kind === input.kind &&
      open.place === input.place &&
      open.employerName === input.employerName &&
      open.location === input.location &&
      open.startsOn === input.startsOn &&
      open.monthlyWage === input.monthlyWage;
    if (same) {
      results.push({ outcome: 'unchanged', person });
      continue;
    }
    const refusal = employmentStartRefusal(own, input.startsOn);
    if (refusal) {
      results.push({ outcome: 'rejected', column: 'startsOn', reason: refusal, person });
      continue;
    }
    const { kind, place, employerName, location, startsOn, monthlyWage } = input;
    if (!dryRun) await openEmployment(em, worker, { kind, place, employerId: null, employerName, location, startsOn, monthlyWage }, 'input.startsOn');
    results.push({ outcome: 'inserted', person });
  }
  if (!dryRun) await em.flush();
  return results;
}
