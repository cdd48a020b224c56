import { useState } from 'react';
import { graphql } from '../../gql';
import type { RosterKind } from '../../gql/graphql';
import { useQuery } from '../../api/useQuery';
import { currentSession } from '../../auth/session';
import { downloadExport } from './exportFile';
import { label } from './labels';
import { Pager, useCursors } from './Pager';
import { RegionPicker } from './RegionPicker';
import { ROSTER_KINDS } from './rosterKinds';

export const RosterDocument = graphql(`
  query Roster($kind: RosterKind!, $region: String, $first: Int!, $after: String, $noServiceWithinDays: Int) {
    roster(kind: $kind, region: $region, first: $first, after: $after, noServiceWithinDays: $noServiceWithinDays) {
      label
      totalCount
      region {
        code
        name
      }
      nodes {
        id
        name
        idNumberMasked
        sex
        age
        villageName
        employmentStatus
        povertyStatus
        verifiedOn
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      freshness {
        asOf
      }
    }
  }
`);

const PAGE_SIZE = 20;

/** 一人一案: "no service recorded in the last N days" (any department), or everyone on the roster. */
const NO_SERVICE_WINDOWS: { days: number | null; label: string }[] = [
  { days: null, label: '全部' },
  { days: 30, label: '近30天无服务' },
  { days: 60, label: '近60天无服务' },
  { days: 90, label: '近90天无服务' },
];

/** 一库六册 and 五类清单: kind, region and "no service in N days" filters, keyset pages (next via endCursor, back via the cursors seen), xlsx/csv export with the same filters. */
export function RosterPanel({ purpose }: { purpose: string }) {
  const root = currentSession()?.region ?? '';
  const [kind, setKind] = useState<RosterKind>('REAL_NAME');
  const [region, setRegion] = useState(root);
  const [noService, setNoService] = useState<number | null>(null);
  const cursors = useCursors();
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const { data, error, loading } = useQuery(RosterDocument, { kind, region: region || null, first: PAGE_SIZE, after: cursors.after, noServiceWithinDays: noService }, { purpose });
  const page = data?.roster;

  const filters = (changeKind: RosterKind, changeRegion: string, changeNoService: number | null = noService) => {
    setKind(changeKind);
    setRegion(changeRegion);
    setNoService(changeNoService);
    cursors.reset();
  };
  const exportAs = (format: 'xlsx' | 'csv') => {
    setExportProblem(null);
    const query = new URLSearchParams({ kind, ...(region ? { region } : {}), ...(noService !== null ? { noServiceWithinDays: String(noService) } : {}) });
    downloadExport(`/exports/roster.${format}?${query}`, purpose, `${kind}-${region || 'region'}.${format}`).catch((failure: Error) => setExportProblem(failure.message));
  };

  return (
    <section className="roster" data-testid="roster">
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          名册{' '}
          <select name="kind" value={kind} onChange={(event) => filters(event.target.value as RosterKind, region)}>
            {ROSTER_KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        {root && <RegionPicker root={root} value={region} onChange={(code) => filters(kind, code)} />}
        <label>
          服务{' '}
          <select
            name="noService"
            value={noService === null ? '' : String(noService)}
            onChange={(event) => filters(kind, region, event.target.value === '' ? null : Number(event.target.value))}
          >
            {NO_SERVICE_WINDOWS.map((entry) => (
              <option key={entry.label} value={entry.days === null ? '' : String(entry.days)}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => exportAs('xlsx')}>
          导出 Excel
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          导出 CSV
        </button>
        {exportProblem && <span className="field-error">{exportProblem}</span>}
      </form>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <p data-testid="roster-summary">
            {page.region.name} · {page.label}
            {noService !== null ? ` · 近${noService}天无服务` : ''} · 共 {page.totalCount} 人 · 第 {cursors.pageNumber} 页{loading ? ' · 加载中…' : ''}
          </p>
          <table className="roster-table">
            <thead>
              <tr>
                <th>姓名</th>
                <th>身份证号</th>
                <th>性别</th>
                <th>年龄</th>
                <th>村（社区）</th>
                <th>就业状态</th>
                <th>贫困状态</th>
                <th>最近核实</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((person) => (
                <tr key={person.id} data-testid="roster-row">
                  <td>{person.name}</td>
                  <td>{person.idNumberMasked ?? '—'}</td>
                  <td>{label('sex', person.sex)}</td>
                  <td>{person.age}</td>
                  <td>{person.villageName ?? '—'}</td>
                  <td>{label('employmentStatus', person.employmentStatus)}</td>
                  <td>{person.povertyStatus ? label('povertyStatus', person.povertyStatus) : '未建档'}</td>
                  <td>{person.verifiedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager cursors={cursors} pageInfo={page.pageInfo} loading={loading} />
        </>
      )}
    </section>
  );
}
