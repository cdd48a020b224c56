import { useMemo, useState } from 'react';
import { graphql } from '../../gql';
import type { AssistanceMeasureKind, MonitoringCasesQuery, MonitoringStep, RelapseCandidatesQuery, RelapseRiskType } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { EChart } from '../../charts/EChart';
import { countRows, countsOption, countText } from './monitoringChart';
import { label } from './labels';
import { ENTRY_ROUTE, MEASURE_KIND, MONITORING_STEP, nextActions, RISK_TYPE, todayInChina } from './monitoringLabels';
import { named } from './taskLabels';
import { Pager, useCursors } from './Pager';
import { useMutationForm } from './useMutationForm';

/** Page size (the cases' page is a literal in its document: the gateway prices a variable page as the largest, times the nested steps and measures). */
const PAGE_SIZE = 20;

const RelapseCandidatesDocument = graphql(`
  query RelapseCandidates($first: Int!, $after: String) {
    relapseCandidates(first: $first, after: $after) {
      totalCount
      region {
        code
        name
      }
      nodes {
        householdCode
        villageCode
        villageName
        povertyStatus
        signals {
          rule
          label
          since
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MonitoringCasesDocument = graphql(`
  query MonitoringCases($step: MonitoringStep, $after: String) {
    monitoringCases(step: $step, first: 20, after: $after) {
      totalCount
      nodes {
        id
        householdCode
        riskTypes
        entryRoute
        sourceRule
        step
        openedOn
        closedOn
        closeReason
        transitions {
          id
          fromStep
          toStep
          actedOn
          actedBy
          note
        }
        measures {
          id
          kind
          takenOn
          responsible
          note
          recordedBy
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    monitoringCaseCounts {
      region
      byStep {
        step
        households
        suppressed
      }
      byRiskType {
        riskType
        households
        suppressed
      }
    }
  }
`);

const OpenMonitoringCaseDocument = graphql(`
  mutation OpenMonitoringCase($input: OpenMonitoringCaseInput!) {
    openMonitoringCase(input: $input) {
      id
      step
    }
  }
`);

const MoveMonitoringCaseDocument = graphql(`
  mutation MoveMonitoringCase($input: MoveMonitoringCaseInput!) {
    moveMonitoringCase(input: $input) {
      id
      step
    }
  }
`);

const RecordMonitoringMeasureDocument = graphql(`
  mutation RecordMonitoringMeasure($input: RecordMonitoringMeasureInput!) {
    recordMonitoringMeasure(input: $input) {
      id
    }
  }
`);

type Candidate = RelapseCandidatesQuery['relapseCandidates']['nodes'][number];
type Case = MonitoringCasesQuery['monitoringCases']['nodes'][number];

/** 纳入监测: opens a case from the candidate (DEPARTMENT_DATA with the chosen signal's rule). */
function OpenCaseForm({ candidate, purpose, onOpened }: { candidate: Candidate; purpose: string; onOpened: () => void }) {
  const [rule, setRule] = useState<string>(candidate.signals[0]?.rule ?? '');
  const [risks, setRisks] = useState<RelapseRiskType[]>([]);
  const [openedOn, setOpenedOn] = useState(todayInChina());
  const [note, setNote] = useState('');
  const form = useMutationForm();
  const submit = () =>
    form.run(async () => {
      const { openMonitoringCase } = await graphqlRequest(
        OpenMonitoringCaseDocument,
        { input: { householdCode: candidate.householdCode, riskTypes: risks, entryRoute: 'DEPARTMENT_DATA', sourceRule: rule, openedOn, note: note.trim() || null } },
        { purpose },
      );
      onOpened();
      return `已纳入监测程序（案件 ${openMonitoringCase.id}，${named(MONITORING_STEP, openMonitoringCase.step)}）`;
    });
  return (
    <form
      className="action-form"
      data-testid="open-case-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        预警规则{' '}
        <select name="sourceRule" value={rule} onChange={(event) => setRule(event.target.value)}>
          {candidate.signals.map((signal) => (
            <option key={signal.rule} value={signal.rule}>
              {signal.label}
            </option>
          ))}
        </select>
        {form.fieldError('sourceRule')}
      </label>
      <fieldset>
        <legend>风险类型</legend>
        {Object.entries(RISK_TYPE).map(([value, text]) => (
          <label key={value}>
            <input
              type="checkbox"
              name="riskTypes"
              value={value}
              checked={risks.includes(value as RelapseRiskType)}
              onChange={(event) => setRisks(event.target.checked ? [...risks, value as RelapseRiskType] : risks.filter((risk) => risk !== value))}
            />{' '}
            {text}
          </label>
        ))}
        {form.fieldError('riskTypes')}
      </fieldset>
      <label>
        日期 <input type="date" name="openedOn" value={openedOn} onChange={(event) => setOpenedOn(event.target.value)} />
        {form.fieldError('openedOn')}
      </label>
      <label>
        说明 <input name="note" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
      </label>
      {form.fieldError('householdCode')}
      <button type="submit" disabled={form.busy}>
        确认纳入
      </button>
      {form.message && <p data-testid="open-case-message">{form.message}</p>}
    </form>
  );
}

/** 监测候选: the region's candidates with their signals, each with 纳入监测. */
function Candidates({ purpose, onOpened }: { purpose: string; onOpened: () => void }) {
  const cursors = useCursors();
  const { data, error, loading, refetch } = useQuery(RelapseCandidatesDocument, { first: PAGE_SIZE, after: cursors.after }, { purpose });
  const [opening, setOpening] = useState<string | null>(null);
  // Households opened from this list: hidden at once (the candidates are the read model's, which follows the case a moment later).
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const page = data?.relapseCandidates;
  return (
    <section data-testid="relapse-candidates">
      <h2>监测候选{page ? `（${page.region.name ?? page.region.code}，${page.totalCount} 户）` : ''}</h2>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <table className="roster-table">
            <thead>
              <tr>
                <th>户编号</th>
                <th>村（社区）</th>
                <th>贫困状态</th>
                <th>预警信号</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {page.nodes
                .filter((candidate) => !opened.has(candidate.householdCode))
                .map((candidate) => (
                  <tr key={candidate.householdCode} data-testid="candidate-row" data-household={candidate.householdCode}>
                    <td>{candidate.householdCode}</td>
                    <td>{candidate.villageName ?? candidate.villageCode}</td>
                    <td>{label('povertyStatus', candidate.povertyStatus)}</td>
                    <td>
                      <ul className="signals">
                        {candidate.signals.map((signal) => (
                          <li key={signal.rule} data-testid="candidate-signal">
                            <strong>{signal.label}</strong>
                            {signal.since ? `（${signal.since}起）` : ''}：{signal.reason}
                          </li>
                        ))}
                      </ul>
                      {opening === candidate.householdCode && (
                        <OpenCaseForm
                          candidate={candidate}
                          purpose={purpose}
                          onOpened={() => {
                            setOpened(new Set([...opened, candidate.householdCode]));
                            setOpening(null);
                            refetch();
                            onOpened();
                          }}
                        />
                      )}
                    </td>
                    <td>
                      <button type="button" onClick={() => setOpening(opening === candidate.householdCode ? null : candidate.householdCode)}>
                        纳入监测
                      </button>
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

/** The next step of a case: one button per step the case can take, with the date and note (the reason, for 不予纳入 and 风险消除). */
function MoveForm({ record, purpose, onMoved }: { record: Case; purpose: string; onMoved: () => void }) {
  const actions = nextActions(record.step);
  const [on, setOn] = useState(todayInChina());
  const [note, setNote] = useState('');
  const form = useMutationForm();
  if (actions.length === 0) return null;
  const move = (to: string) =>
    form.run(async () => {
      const { moveMonitoringCase } = await graphqlRequest(
        MoveMonitoringCaseDocument,
        { input: { caseId: record.id, to: to as MonitoringStep, on, note: note.trim() || null } },
        { purpose },
      );
      setNote('');
      onMoved();
      return `已办理：${named(MONITORING_STEP, moveMonitoringCase.step)}`;
    });
  return (
    <form className="action-form" data-testid="move-case-form" onSubmit={(event) => event.preventDefault()}>
      <h3>下一步</h3>
      <label>
        日期 <input type="date" name="on" value={on} onChange={(event) => setOn(event.target.value)} />
        {form.fieldError('on')}
      </label>
      <label>
        意见（不予纳入、风险消除须写明理由） <input name="note" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
      </label>
      {actions.map((action) => (
        <button key={action.to} type="button" disabled={form.busy} data-step={action.to} onClick={() => void move(action.to)}>
          {action.label}
        </button>
      ))}
      {form.fieldError('to')}
      {form.fieldError('caseId')}
      {form.message && (
        <p role="status" data-testid="move-case-message">
          {form.message}
        </p>
      )}
    </form>
  );
}

/** 记录帮扶措施 on an open case. */
function MeasureForm({ record, purpose, onRecorded }: { record: Case; purpose: string; onRecorded: () => void }) {
  const [kind, setKind] = useState<AssistanceMeasureKind>('EMPLOYMENT');
  const [takenOn, setTakenOn] = useState(todayInChina());
  const [responsible, setResponsible] = useState('');
  const [note, setNote] = useState('');
  const form = useMutationForm();
  const submit = () =>
    form.run(async () => {
      await graphqlRequest(
        RecordMonitoringMeasureDocument,
        { input: { caseId: record.id, kind, takenOn, responsible: responsible.trim(), note: note.trim() || null } },
        { purpose },
      );
      setResponsible('');
      setNote('');
      onRecorded();
      return '已记录帮扶措施';
    });
  return (
    <form
      className="action-form"
      data-testid="measure-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>记录帮扶措施</h3>
      <label>
        措施{' '}
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as AssistanceMeasureKind)}>
          {Object.entries(MEASURE_KIND).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {form.fieldError('kind')}
      </label>
      <label>
        日期 <input type="date" name="takenOn" value={takenOn} onChange={(event) => setTakenOn(event.target.value)} />
        {form.fieldError('takenOn')}
      </label>
      <label>
        责任单位/人 <input name="responsible" value={responsible} maxLength={100} onChange={(event) => setResponsible(event.target.value)} />
        {form.fieldError('responsible')}
      </label>
      <label>
        说明 <input name="note" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
      </label>
      {form.fieldError('caseId')}
      <button type="submit" disabled={form.busy}>
        记录
      </button>
      {form.message && <p data-testid="measure-message">{form.message}</p>}
    </form>
  );
}

function CaseDetail({ record, purpose, onChanged }: { record: Case; purpose: string; onChanged: () => void }) {
  const open = record.step !== 'EXITED' && record.step !== 'REJECTED';
  return (
    <div className="case-detail" data-testid="case-detail">
      <p>
        纳入途径：{named(ENTRY_ROUTE, record.entryRoute)}
        {record.sourceRule ? `（${record.sourceRule}）` : ''}
        {record.closeReason ? `；结案理由：${record.closeReason}` : ''}
      </p>
      <ol className="transitions" data-testid="case-transitions">
        {record.transitions.map((step) => (
          <li key={step.id}>
            {step.actedOn} {named(MONITORING_STEP, step.toStep)} · {step.actedBy}
            {step.note ? ` · ${step.note}` : ''}
          </li>
        ))}
      </ol>
      <h3>帮扶措施</h3>
      {record.measures.length === 0 ? (
        <p>暂无</p>
      ) : (
        <ul data-testid="case-measures">
          {record.measures.map((measure) => (
            <li key={measure.id} data-testid="case-measure">
              {measure.takenOn} {named(MEASURE_KIND, measure.kind)} · {measure.responsible}
              {measure.note ? ` · ${measure.note}` : ''} · {measure.recordedBy}
            </li>
          ))}
        </ul>
      )}
      {open && <MoveForm key={record.step} record={record} purpose={purpose} onMoved={onChanged} />}
      {open && <MeasureForm record={record} purpose={purpose} onRecorded={onChanged} />}
    </div>
  );
}

/** 防返贫监测 (poverty staff): candidates, the region's cases with a step filter and their next step, measures, counts. */
export function Monitoring({ purpose }: { purpose: string }) {
  const [step, setStep] = useState<MonitoringStep | ''>('');
  const [shown, setShown] = useState<string | null>(null);
  const cursors = useCursors();
  const { data, error, loading, refetch } = useQuery(MonitoringCasesDocument, { step: step || null, after: cursors.after }, { purpose });
  const option = useMemo(() => (data ? countsOption(data.monitoringCaseCounts) : null), [data]);
  const page = data?.monitoringCases;
  return (
    <>
      <Candidates purpose={purpose} onOpened={refetch} />
      <section data-testid="monitoring-cases">
        <h2>监测对象{page ? `（${page.totalCount} 户）` : ''}</h2>
        {data && option && (
          <div className="monitoring-counts">
            <EChart option={option} className="chart" label="按环节、风险类型统计户数" />
            <ul data-testid="monitoring-counts">
              {countRows(data.monitoringCaseCounts).map((row) => (
                <li key={row.label}>
                  {row.label} {countText(row)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <form className="filters" onSubmit={(event) => event.preventDefault()}>
          <label>
            环节{' '}
            <select
              name="step"
              value={step}
              onChange={(event) => {
                cursors.reset();
                setStep(event.target.value as MonitoringStep | '');
              }}
            >
              <option value="">全部</option>
              {Object.entries(MONITORING_STEP).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        </form>
        {error && <p className="error">{error.message}</p>}
        {page && (
          <>
            <table className="roster-table">
              <thead>
                <tr>
                  <th>案件</th>
                  <th>户编号</th>
                  <th>风险类型</th>
                  <th>环节</th>
                  <th>纳入日期</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((record) => (
                  <tr key={record.id} data-testid="case-row" data-case={record.id} data-household={record.householdCode}>
                    <td>{record.id}</td>
                    <td>{record.householdCode}</td>
                    <td>{record.riskTypes.map((risk) => named(RISK_TYPE, risk)).join('、')}</td>
                    <td data-testid="case-step">{named(MONITORING_STEP, record.step)}</td>
                    <td>{record.openedOn}</td>
                    <td>
                      <button type="button" onClick={() => setShown(shown === record.id ? null : record.id)}>
                        {shown === record.id ? '收起' : '办理'}
                      </button>
                      {shown === record.id && <CaseDetail record={record} purpose={purpose} onChanged={refetch} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager cursors={cursors} pageInfo={page.pageInfo} loading={loading} />
          </>
        )}
      </section>
    </>
  );
}
