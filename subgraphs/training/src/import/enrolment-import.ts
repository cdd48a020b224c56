import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  forbidden,
  identifyCells,
  importEndpoint,
  InputProblems,
  LinkConfirmation,
  normaliseCode,
  normaliseDate,
  normaliseIdNumber,
  parseRowId,
  workerPseudonym,
  type BatchResult,
  type ImportColumn,
  type ImportKind,
  type KeyedRow,
  type ParsedRow,
  type RawCell,
  type RowRejection,
  type Subject,
} from '@jiuye/common';
import type { TrainingContext } from '../context';
import { Enrolment, EnrolmentStatus } from '../enrolment/enrolment.entity';
import type { EnrolTraineeInput } from '../enrolment/enrolment.inputs';
import { alreadyOnRoster, checkEnrolment, classFull, classRefusal } from '../enrolment/enrolment.service';
import type { TrainingLoaders } from '../loaders';
import { TrainingClass } from '../training-class/training-class.entity';

export type EnrolmentColumn = 'seq' | 'name' | keyof EnrolTraineeInput;

/** 培训报名名单: the class (its id, as the class list shows it), the trainee's ID number, the day of enrolment. 序号 and 姓名 are read and not kept. */
export const ENROLMENT_COLUMNS: readonly ImportColumn<EnrolmentColumn>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'classId', labels: ['培训班编号', '班级编号', '培训班ID', '班级ID', 'classId'], required: true },
  { key: 'name', labels: ['姓名', '学员姓名', 'name'] },
  { key: 'idNumber', labels: ['身份证号码', '身份证号', '公民身份号码', 'idNumber'], required: true },
  { key: 'enrolledOn', labels: ['报名日期', '报名时间', 'enrolledOn'], required: true },
];

/** A row as enrolTrainee takes it, with the class's row id and the worker's pseudonym. */
export interface EnrolmentRow {
  input: EnrolTraineeInput;
  classId: number;
  workerId: string;
}

export interface EnrolmentImportScope {
  pseudonymKey: string;
  /** The caller's scope, as for enrolTrainee (region staff: a worker of their region). */
  canSee(subject: Subject): boolean | Promise<boolean>;
}

/**
 * 培训报名 from a list, with enrolTrainee's rules as county (region) staff enrol: the class id,
 * the ID number (GB 11643), the day not in the future (checkEnrolment); the worker in the
 * caller's region (one outside it, or not registered, is refused alike); the class open and not
 * ended before the day (classRefusal), with a free place (classFull). A worker already on the
 * class's roster is "unchanged" when the row says the same day (the same file again), and gets the
 * mutation's answer otherwise. Region staff's enrolments are confirmed, as the mutation's are.
 */
export function enrolmentImportKind(scope: EnrolmentImportScope): ImportKind<EnrolmentColumn, EnrolmentRow> {
  return {
    name: 'enrolments',
    title: '培训报名名单',
    columns: ENROLMENT_COLUMNS,
    parse: (values) => parseEnrolmentRow(values, scope.pseudonymKey),
    identify: (values) => identifyCells({ idNumber: values.idNumber }, scope.pseudonymKey),
    duplicate: (line) => `the same person in the same class as line ${line}`,
    apply: (em, rows, dryRun) => applyEnrolmentRows(em, rows, dryRun, scope),
  };
}

function parseEnrolmentRow(values: Record<EnrolmentColumn, RawCell | undefined>, pseudonymKey: string): ParsedRow<EnrolmentRow, EnrolmentColumn> {
  const rejections: RowRejection<EnrolmentColumn>[] = [];
  const id = normaliseIdNumber(values.idNumber ?? null);
  if (id.problem !== undefined) rejections.push({ column: 'idNumber', reason: id.problem });
  const day = normaliseDate(values.enrolledOn ?? null);
  if (day.problem !== undefined) rejections.push({ column: 'enrolledOn', reason: day.problem });
  const input: EnrolTraineeInput = { classId: normaliseCode(values.classId ?? null) ?? '', idNumber: id.value ?? '', enrolledOn: day.value ?? '' };
  // enrolTrainee's own checks, on the columns that normalised (a column already refused is not checked twice).
  const refused = new Set(rejections.map((r) => r.column));
  for (const problem of checkEnrolment(new InputProblems(), input).list()) {
    const column = problem.field.replace(/^input\./, '') as EnrolmentColumn;
    if (!refused.has(column)) rejections.push({ column, reason: problem.message });
  }
  if (rejections.length) return { rejections };
  const workerId = workerPseudonym(input.idNumber, pseudonymKey);
  return { key: `${input.classId}|${workerId}`, record: { input, classId: parseRowId(input.classId)!, workerId } };
}

type Result = BatchResult<EnrolmentColumn>;

async function applyEnrolmentRows(em: EntityManager, rows: readonly KeyedRow<EnrolmentRow>[], dryRun: boolean, scope: EnrolmentImportScope): Promise<Result[]> {
  const classIds = [...new Set(rows.map((row) => row.record.classId))].sort((a, b) => a - b);
  const workerIds = [...new Set(rows.map((row) => row.record.workerId))];
  // Each class locked as enrolTrainee locks it (in id order, so two imports never deadlock), its places counted once.
  const classes = new Map((await em.find(TrainingClass, { id: { $in: classIds } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })).map((c) => [c.id, c]));
  const [existing, takenRows, inScope] = await Promise.all([
    em.find(Enrolment, { classId: { $in: classIds }, workerId: { $in: workerIds } }),
    // enrolTrainee's count: places not given up (dropped) nor refused (a rejected enrolment).
    em.execute<{ class_id: number; taken: number }[]>(
      `select "class_id", count(*)::int as "taken" from "enrolment" where "class_id" = any(?::int[]) and "status" <> ? and "confirmation" <> ? group by "class_id"`,
      [`{${classIds.join(',')}}`, EnrolmentStatus.DROPPED, LinkConfirmation.REJECTED],
    ),
    Promise.all(rows.map((row) => scope.canSee({ workerId: row.record.workerId }))),
  ]);
  const taken = new Map(takenRows.map((r) => [r.class_id, r.taken]));
  const enrolled = new Map(existing.map((e) => [`${e.classId}|${e.workerId}`, e]));
  const results = rows.map((row, index): Result => {
    const { input, classId, workerId } = row.record;
    // Training does not know where a worker lives: the gateway's access log places them.
    const person = { workerId, villageCode: '' };
    if (!inScope[index]) return { outcome: 'rejected', column: 'idNumber', reason: 'the worker lies outside your scope' };
    const trainingClass = classes.get(classId);
    if (!trainingClass) return { outcome: 'rejected', column: 'classId', reason: 'training class was not found', person };
    const refusal = classRefusal(trainingClass, input.enrolledOn);
    if (refusal) return { outcome: 'rejected', column: 'classId', reason: refusal, person };
    const already = enrolled.get(row.key);
    if (already) {
      return already.enrolledOn === input.enrolledOn ? { outcome: 'unchanged', person } : { outcome: 'rejected', column: 'idNumber', reason: alreadyOnRoster(already), person };
    }
    const places = taken.get(classId) ?? 0;
    if (places >= trainingClass.capacity) return { outcome: 'rejected', column: 'classId', reason: classFull(trainingClass.capacity), person };
    taken.set(classId, places + 1);
    if (!dryRun) em.create(Enrolment, { classId, workerId, idNumber: input.idNumber, enrolledOn: input.enrolledOn, confirmation: LinkConfirmation.CONFIRMED });
    return { outcome: 'inserted', person };
  });
  if (!dryRun) await em.flush();
  return results;
}

/** training's spreadsheet imports (behind the gateway's /imports/training/<kind>): county training staff of a region, as enrolTrainee. */
export const trainingImports = importEndpoint<TrainingLoaders>(
  {
    enrolments: {
      build(context: TrainingContext) {
        // enrolTrainee's department and purpose checks; institutions enrol through the graph (their enrolments wait for the county).
        context.access.requireDepartment('training', 'enrolments');
        if (context.access.kind !== 'region') throw forbidden('enrolment lists are imported by county training staff of a region', 'no-region-scope');
        return enrolmentImportKind({
          pseudonymKey: context.config.pseudonymKey,
          canSee: (subject) => context.access.canSee(subject),
        }) as unknown as ImportKind<string, unknown>;
      },
      fields: ['Enrolment.idNumber', 'Enrolment.trainingClass', 'Enrolment.enrolledOn'],
    },
  },
  { department: 'training' },
);
