import { useState } from 'react';
import { graphql } from '../../gql';
import { useQuery } from '../../api/useQuery';
import { currentSession } from '../../auth/session';
import { label } from './labels';
import { Pager, useCursors } from './Pager';
import { RegionPicker } from './RegionPicker';
import { ResolveConflictForm } from './ResolveConflictForm';

const PAGE_SIZE = 20;

const ZeroEmploymentDocument = graphql(`
  query ZeroEmploymentWorklist($region: String, $first: Int!, $after: String) {
    zeroEmploymentHouseholds(region: $region, first: $first, after: $after) {
      totalCount
      nodes {
        code
        villageName
        povertyStatus
        registryMembers
        ableLabourers
        responsible {
          cadreName
          cadrePhoneMasked
          unitName
          fallback
        }
        lastAction {
          on
          what
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const WarningsDocument = graphql(`
  query WarningsWorklist($region: String, $first: Int!, $after: String) {
    warnings(region: $region, first: $first, after: $after) {
      totalCount
      nodes {
        id
        ruleLabel
        level
        reason
        since
        villageName
        person {
          name
          idNumberMasked
        }
        householdCode
        responsible {
          name
          unit
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ConflictsDocument = graphql(`
  query ConflictsWorklist($region: String, $first: Int!, $after: String) {
    conflicts(region: $region, first: $first, after: $after) {
      totalCount
      nodes {
        id
        label
        villageName
        householdCode
        person {
          name
          idNumberMasked
        }
        sources {
          department
          departmentLabel
          fact
          since
        }
        status
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const LEVELS: Record<string, string> = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色' };

function ZeroEmployment({ region, purpose }: { region: string; purpose: string }) {
  const cursors = useCursors();
  const { data, error, loading } = useQuery(ZeroEmploymentDocument, { region, first: PAGE_SIZE, after: cursors.after }, { purpose });
  const page = data?.zeroEmploymentHouseholds;
  return (
    <section data-testid="zero-employment">
      <h2>零就业家庭{page ? `（${page.totalCount} 户）` : ''}</h2>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <table className="roster-table">
            <thead>
              <tr>
                <th>户编号</th>
                <th>村（社区）</th>
                <th>贫困状态</th>
                <th>登记人数 / 劳动力</th>
                <th>帮扶责任人</th>
                <th>最近帮扶</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((household) => (
                <tr key={household.code} data-testid="zero-row">
                  <td>{household.code}</td>
                  <td>{household.villageName ?? '—'}</td>
                  <td>{household.povertyStatus ? label('povertyStatus', household.povertyStatus) : '未建档'}</td>
                  <td>
                    {household.registryMembers} / {household.ableLabourers}
                  </td>
                  <td>
                    {household.responsible.cadreName
                      ? `${household.responsible.cadreName}（${household.responsible.unitName ?? ''} ${household.responsible.cadrePhoneMasked ?? ''}）`
                      : household.responsible.fallback}
                  </td>
                  <td>{household.lastAction ? `${household.lastAction.on} ${household.lastAction.what}` : '—'}</td>
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

function Warnings({ region, purpose }: { region: string; purpose: string }) {
  const cursors = useCursors();
  const { data, error, loading } = useQuery(WarningsDocument, { region, first: PAGE_SIZE, after: cursors.after }, { purpose });
  const page = data?.warnings;
  return (
    <section data-testid="warnings">
      <h2>预警{page ? `（${page.totalCount} 条）` : ''}</h2>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <table className="roster-table">
            <thead>
              <tr>
                <th>级别</th>
                <th>规则</th>
                <th>对象</th>
                <th>村（社区）</th>
                <th>原因</th>
                <th>起始</th>
                <th>责任人</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((warning) => (
                <tr key={warning.id} data-testid="warning-row" data-level={warning.level}>
                  <td>{LEVELS[warning.level] ?? warning.level}</td>
                  <td>{warning.ruleLabel}</td>
                  <td>{warning.person ? `${warning.person.name} ${warning.person.idNumberMasked ?? ''}` : `户 ${warning.householdCode ?? '—'}`}</td>
                  <td>{warning.villageName ?? '—'}</td>
                  <td>{warning.reason}</td>
                  <td>{warning.since ?? '—'}</td>
                  <td>
                    {warning.responsible.name}
                    {warning.responsible.unit ? `（${warning.responsible.unit}）` : ''}
                  </td>
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

function Conflicts({ region, purpose }: { region: string; purpose: string }) {
  const cursors = useCursors();
  const { data, error, loading, refetch } = useQuery(ConflictsDocument, { region, first: PAGE_SIZE, after: cursors.after }, { purpose });
  const page = data?.conflicts;
  return (
    <section data-testid="conflicts">
      <h2>比对冲突（待处理{page ? ` ${page.totalCount} 条` : ''}）</h2>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <ul className="conflicts">
            {page.nodes.map((conflict) => (
              <li key={conflict.id} data-testid="conflict-row" data-conflict={conflict.id}>
                <strong>{conflict.label}</strong> · {conflict.person ? `${conflict.person.name} ${conflict.person.idNumberMasked ?? ''}` : `户 ${conflict.householdCode}`} ·{' '}
                {conflict.villageName ?? '—'}
                <ul>
                  {conflict.sources.map((source) => (
                    <li key={source.department}>
                      {source.departmentLabel}：{source.fact}
                      {source.since ? `（自 ${source.since}）` : ''}
                    </li>
                  ))}
                </ul>
                <ResolveConflictForm conflictId={conflict.id} sources={conflict.sources} purpose={purpose} onResolved={refetch} />
              </li>
            ))}
          </ul>
          <Pager cursors={cursors} pageInfo={page.pageInfo} loading={loading} />
        </>
      )}
    </section>
  );
}

/** 工作清单: zero-employment households, warnings and open conflicts of a region of the account. */
export function Worklists({ purpose }: { purpose: string }) {
  const root = currentSession()?.region ?? '';
  const [region, setRegion] = useState(root);
  return (
    <div className="worklists">
      {root && (
        <form className="filters" onSubmit={(event) => event.preventDefault()}>
          <RegionPicker root={root} value={region} onChange={setRegion} />
        </form>
      )}
      <ZeroEmployment key={`z-${region}`} region={region} purpose={purpose} />
      <Warnings key={`w-${region}`} region={region} purpose={purpose} />
      <Conflicts key={`c-${region}`} region={region} purpose={purpose} />
    </div>
  );
}
