import type { EntityManager } from '@mikro-orm/postgresql';
import {
  identifyCells,
  importEndpoint,
  InputProblems,
  normaliseCode,
  normaliseDate,
  normaliseText,
  villageOfHousehold,
  vocabularyReader,
  type BatchResult,
  type ImportColumn,
  type ImportKind,
  type KeyedRow,
  type ParsedRow,
  type RawCell,
  type RowRejection,
  type Subject,
} from '@jiuye/common';
import { AssistanceGrant, AssistanceKindVocabulary } from '../assistance/assistance.entity';
import type { GrantAssistanceInput } from '../assistance/assistance.inputs';
import { checkGrant, overlappingGrantMessage } from '../assistance/assistance.service';
import type { CivilContext } from '../context';
import type { CivilLoaders } from '../loaders';

export type GrantColumn = 'seq' | keyof GrantAssistanceInput;

/** 低保/特困救助名册: the county list's headers (and the mutation's field names). */
export const GRANT_COLUMNS: readonly ImportColumn<GrantColumn>[] = [
  { key: 'seq', labels: ['序号', 'No.'] },
  { key: 'householdCode', labels: ['户编号', '家庭户编号', 'householdCode'], required: true },
  { key: 'kind', labels: ['救助类别', '救助类型', 'kind'], required: true },
  { key: 'monthlyAmount', labels: ['月救助金额', '月保障金额', '月救助金额（元）', 'monthlyAmount'], required: true },
  { key: 'startsOn', labels: ['起始日期', '享受起始日期', '开始日期', 'startsOn'], required: true },
];

const kindOf = vocabularyReader(AssistanceKindVocabulary);

export interface GrantImportScope {
  canSee(subject: Subject): boolean | Promise<boolean>;
}

/**
 * 低保/特困 grants from the county list, with grantAssistance's rules: household code, kind by
 * its label (低保 / 特困 or the full name), a whole monthly amount of 1 to 5000 yuan, the start
 * day in the offices' formats; a household outside the scope is refused as the mutation refuses
 * it; a grant of the same kind already running is "unchanged" when the row says the same (the
 * same file again), and refused with the mutation's overlap answer otherwise.
 */
export function grantImportKind(scope: GrantImportScope): ImportKind<GrantColumn, GrantAssistanceInput> {
  return {
    name: 'assistance-grants',
    title: '低保/特困救助名册',
    columns: GRANT_COLUMNS,
    parse: parseGrantRow,
    identify: (values) => identifyCells(values),
    duplicate: (line) => `the same household and kind of assistance as line ${line}`,
    apply: (em, rows, dryRun) => applyGrantRows(em, rows, dryRun, scope),
  };
}

function parseGrantRow(values: Record<GrantColumn, RawCell | undefined>): ParsedRow<GrantAssistanceInput, GrantColumn> {
  const rejections: RowRejection<GrantColumn>[] = [];
  const kindCell = values.kind ?? null;
  const kind = kindOf(
    normaliseText(kindCell)
      ?.replace(/^低保$/, '最低生活保障')
      .replace(/^特困$/, '特困人员救助供养') ?? '',
  );
  if (kind.problem !== undefined) rejections.push({ column: 'kind', reason: kind.problem });
  const startsOn = normaliseDate(values.startsOn ?? null);
  if (startsOn.problem !== undefined) rejections.push({ column: 'startsOn', reason: startsOn.problem });
  const amountText = normaliseText(values.monthlyAmount ?? null)?.replace(/元$/, '') ?? '';
  const input = { householdCode: normaliseCode(values.householdCode ?? null) ?? '', kind: kind.value!, monthlyAmount: Number(amountText || NaN), startsOn: startsOn.value ?? '' };
  const problems = checkGrant(new InputProblems(), input);
  for (const problem of problems.list()) rejections.push({ column: problem.field.replace(/^input\./, '') as GrantColumn, reason: problem.message });
  if (rejections.length) return { rejections };
  return { key: `${input.householdCode}|${input.kind}`, record: input };
}

async function applyGrantRows(em: EntityManager, rows: readonly KeyedRow<GrantAssistanceInput>[], dryRun: boolean, scope: GrantImportScope): Promise<BatchResult<GrantColumn>[]> {
  const codes = [...new Set(rows.map((row) => row.record.householdCode))];
  const [existing, inScope] = await Promise.all([
    em.find(AssistanceGrant, { householdCode: { $in: codes } }),
    Promise.all(rows.map((row) => scope.canSee({ place: row.record.householdCode }))),
  ]);
  const results = rows.map((row, index): BatchResult<GrantColumn> => {
    const input = row.record;
    if (!inScope[index]) return { outcome: 'rejected', column: 'householdCode', reason: 'lies outside your scope' };
    const household = { householdCode: input.householdCode, villageCode: villageOfHousehold(input.householdCode) };
    const overlapping = existing.find((g) => g.householdCode === input.householdCode && g.kind === input.kind && (g.endsOn === null || g.endsOn >= input.startsOn));
    if (overlapping) {
      const same = overlapping.startsOn === input.startsOn && overlapping.monthlyAmount === input.monthlyAmount && overlapping.endsOn === null;
      return same
        ? { outcome: 'unchanged', person: household }
        : { outcome: 'rejected', column: 'startsOn', reason: overlappingGrantMessage(overlapping.startsOn), person: household };
    }
    if (!dryRun) em.create(AssistanceGrant, { householdCode: input.householdCode, kind: input.kind, monthlyAmount: input.monthlyAmount, startsOn: input.startsOn });
    return { outcome: 'inserted', person: household };
  });
  if (!dryRun) await em.flush();
  return results;
}

/** civil's spreadsheet imports (behind the gateway's /imports/civil/<kind>): civil officers within their region, as grantAssistance. */
export const civilImports = importEndpoint<CivilLoaders>(
  {
    'assistance-grants': {
      build(context: CivilContext) {
        // grantAssistance's department and purpose checks (authorizeHouseholdWrite); the household's scope is decided row by row.
        context.access.requireDepartment('civil', 'assistance grants');
        return grantImportKind({ canSee: (subject) => context.access.canSee(subject) }) as unknown as ImportKind<string, unknown>;
      },
      fields: ['AssistanceGrant.kind', 'AssistanceGrant.monthlyAmount', 'AssistanceGrant.startsOn'],
    },
  },
  { department: 'civil' },
);
