import { graphql } from '../../gql';
import type { ImportRunPageFieldsFragment } from '../../gql/graphql';
import { useQuery } from '../../api/useQuery';
import { IMPORT_RUN_STATUS, kindLabel } from './importKinds';
import { Pager, useCursors } from './Pager';

const PAGE_SIZE = 10;

// One list per department (<department>ImportRuns); the page asks only its own department's.
const HrImportRunsDocument = graphql(`
  query HrImportRuns($first: Int!, $after: String) {
    hrImportRuns(first: $first, after: $after) {
      ...ImportRunPageFields
    }
  }
`);
const CivilImportRunsDocument = graphql(`
  query CivilImportRuns($first: Int!, $after: String) {
    civilImportRuns(first: $first, after: $after) {
      ...ImportRunPageFields
    }
  }
`);
const TrainingImportRunsDocument = graphql(`
  query TrainingImportRuns($first: Int!, $after: String) {
    trainingImportRuns(first: $first, after: $after) {
      ...ImportRunPageFields
    }
  }
`);
const PovertyImportRunsDocument = graphql(`
  query PovertyImportRuns($first: Int!, $after: String) {
    povertyImportRuns(first: $first, after: $after) {
      ...ImportRunPageFields
    }
  }
`);
const PartnerImportRunsDocument = graphql(`
  query PartnerImportRuns($first: Int!, $after: String) {
    partnerImportRuns(first: $first, after: $after) {
      ...ImportRunPageFields
    }
  }
`);
graphql(`
  fragment ImportRunPageFields on ImportRunPage {
    totalCount
    nodes {
      id
      kind
      fileName
      account
      dryRun
      status
      failure
      startedAt
      finishedAt
      rows
      inserted
      updated
      unchanged
      rejected
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

type RunsVariables = { first: number; after?: string | null };
type RunsData = Record<string, unknown>;

function useImportRuns(department: string, variables: RunsVariables, purpose: string) {
  // The hooks run every render in the same order: each document is asked only for its department.
  const hr = useQuery(HrImportRunsDocument, variables, { purpose, skip: department !== 'hr' });
  const civil = useQuery(CivilImportRunsDocument, variables, { purpose, skip: department !== 'civil' });
  const training = useQuery(TrainingImportRunsDocument, variables, { purpose, skip: department !== 'training' });
  const poverty = useQuery(PovertyImportRunsDocument, variables, { purpose, skip: department !== 'poverty' });
  const partner = useQuery(PartnerImportRunsDocument, variables, { purpose, skip: department !== 'partner' });
  const states: Record<string, { data: RunsData | undefined; error: Error | undefined; loading: boolean }> = { hr, civil, training, poverty, partner };
  const state = states[department];
  const page = state?.data?.[`${department}ImportRuns`] as ImportRunPageFieldsFragment | undefined;
  return { page, error: state?.error, loading: state?.loading ?? false };
}

const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

/** 导入记录: the department's imports by accounts of the region, newest first, paged (the panel remounts it after each run). */
export function ImportRuns({ department, purpose }: { department: string; purpose: string }) {
  const cursors = useCursors();
  const { page, error, loading } = useImportRuns(department, { first: PAGE_SIZE, after: cursors.after }, purpose);
  return (
    <section data-testid="import-runs">
      <h2>导入记录{page ? `（共 ${page.totalCount} 次）` : ''}</h2>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <table className="roster-table">
            <thead>
              <tr>
                <th>开始时间</th>
                <th>类别</th>
                <th>文件</th>
                <th>账号</th>
                <th>方式</th>
                <th>状态</th>
                <th>行数</th>
                <th>新增</th>
                <th>更新</th>
                <th>未变</th>
                <th>失败</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((run) => (
                <tr key={run.id} data-testid="import-run" data-run={run.id}>
                  <td>{time(run.startedAt)}</td>
                  <td>{kindLabel(department, run.kind)}</td>
                  <td>{run.fileName}</td>
                  <td>{run.account}</td>
                  <td>{run.dryRun ? '试导入' : '正式导入'}</td>
                  <td data-testid="import-run-status" title={run.failure ?? undefined}>
                    {IMPORT_RUN_STATUS[run.status] ?? run.status}
                  </td>
                  <td>{run.rows}</td>
                  <td>{run.inserted}</td>
                  <td>{run.updated}</td>
                  <td>{run.unchanged}</td>
                  <td>{run.rejected}</td>
                </tr>
              ))}
              {page.nodes.length === 0 && (
                <tr>
                  <td colSpan={11} className="muted">
                    尚无导入记录
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <Pager cursors={cursors} pageInfo={page.pageInfo} loading={loading} />
        </>
      )}
    </section>
  );
}
