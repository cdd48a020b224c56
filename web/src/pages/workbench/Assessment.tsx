import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { AssessmentQuery, TargetMeasure } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { currentSession } from '../../auth/session';
import { downloadExport } from './exportFile';
import { useMutationForm } from './useMutationForm';

const AssessmentDocument = graphql(`
  query Assessment($quarter: String!) {
    assessment(quarter: $quarter) {
      county {
        code
        name
      }
      quarter
      label
      townships {
        ...AssessmentRowFields
      }
      units {
        ...AssessmentRowFields
      }
    }
  }
  fragment AssessmentRowFields on AssessmentRow {
    key
    name
    yearTarget
    quarterTarget
    quarterActual {
      value
      suppressed
    }
    quarterRate
    yearToDate {
      value
      suppressed
    }
    yearRate
    retention {
      value
      suppressed
    }
    rank
  }
`);

const TargetsDocument = graphql(`
  query CountyTargets($measure: TargetMeasure!, $period: String!) {
    targets(measure: $measure, period: $period) {
      targets {
        region {
          code
        }
        target
      }
    }
  }
`);

const SetTargetsDocument = graphql(`
  mutation SetTargets($input: SetTargetsInput!) {
    setTargets(input: $input) {
      period
      targets {
        region {
          code
        }
        target
      }
    }
  }
`);

type Row = AssessmentQuery['assessment']['townships'][number];

export const MEASURES: Record<TargetMeasure, string> = {
  NEW_TRANSFERS: '新增转移就业（人）',
  WELFARE_POSTS: '公益性岗位安置（个）',
  TRAINING_PLACES: '技能培训（人）',
  EMPLOYED_POOR_LABOURERS: '贫困劳动力务工就业（人）',
};

/** The quarters that have begun, newest first: this one and the seven before it ('2026-Q4' …). */
export function recentQuarters(now: Date = new Date()): string[] {
  const china = new Date(now.getTime() + 8 * 3600_000);
  let year = china.getUTCFullYear();
  let quarter = Math.floor(china.getUTCMonth() / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < 8; i++) {
    quarters.push(`${year}-Q${quarter}`);
    if (--quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return quarters;
}

const count = (cell: { value?: number | null; suppressed: boolean }) => (cell.suppressed ? '<5' : String(cell.value ?? 0));
const rate = (value: number | null | undefined) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);
const target = (value: number | null | undefined) => (value == null ? '未下达' : String(value));

function AssessmentTable({ rows, caption, testId }: { rows: Row[]; caption: string; testId: string }) {
  return (
    <table className="roster-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>名次</th>
          <th>名称</th>
          <th>年度目标</th>
          <th>季度目标</th>
          <th>本季度完成</th>
          <th>季度完成率</th>
          <th>年累计完成</th>
          <th>年度完成率</th>
          <th>稳岗率</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid="assessment-row" data-key={row.key}>
            <td>{row.rank ?? '—'}</td>
            <td>{row.name}</td>
            <td>{target(row.yearTarget)}</td>
            <td>{target(row.quarterTarget)}</td>
            <td>{count(row.quarterActual)}</td>
            <td>{rate(row.quarterRate)}</td>
            <td>{count(row.yearToDate)}</td>
            <td>{rate(row.yearRate)}</td>
            <td>{row.retention.suppressed ? '<5' : rate(row.retention.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 目标设置 (county officers): one measure and period, a row per township with a number; all or nothing, the server's problems at the row. */
function TargetsForm({ townships, purpose, defaultPeriod, onSaved }: { townships: Row[]; purpose: string; defaultPeriod: string; onSaved: () => void }) {
  const [measure, setMeasure] = useState<TargetMeasure>('NEW_TRANSFERS');
  const [period, setPeriod] = useState(defaultPeriod);
  const [values, setValues] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<string[]>([]);
  const form = useMutationForm();
  const current = useQuery(TargetsDocument, { measure, period }, { purpose, skip: !/^\d{4}(-Q[1-4])?$/.test(period) });
  useEffect(() => {
    const known = new Map((current.data?.targets.targets ?? []).map((row) => [row.region.code, String(row.target)]));
    setValues(Object.fromEntries(townships.map((township) => [township.key, known.get(township.key) ?? ''])));
  }, [current.data, townships]);
  const submit = () =>
    form.run(async () => {
      const rows = townships.filter((township) => (values[township.key] ?? '').trim() !== '');
      setSent(rows.map((row) => row.key));
      const { setTargets } = await graphqlRequest(
        SetTargetsDocument,
        { input: { period: period.trim(), measure, targets: rows.map((row) => ({ region: row.key, target: Number(values[row.key]) })) } },
        { purpose },
      );
      current.refetch();
      onSaved();
      return `已下达 ${setTargets.period} ${MEASURES[measure]} 目标 ${rows.length} 个乡镇`;
    });
  const rowError = (code: string) => {
    const index = sent.indexOf(code);
    return index < 0 ? null : (form.problems[`targets[${index}].target`] ?? form.problems[`targets[${index}].region`] ?? null);
  };
  return (
    <form
      className="action-form"
      data-testid="targets-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>目标设置</h3>
      <label>
        指标{' '}
        <select name="measure" value={measure} onChange={(event) => setMeasure(event.target.value as TargetMeasure)}>
          {Object.entries(MEASURES).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {form.fieldError('measure')}
      </label>
      <label>
        期间（年 2026 或季度 2026-Q4） <input name="period" value={period} onChange={(event) => setPeriod(event.target.value)} />
        {form.fieldError('period')}
      </label>
      <table className="roster-table">
        <tbody>
          {townships.map((township) => (
            <tr key={township.key} data-testid="target-row" data-region={township.key}>
              <td>{township.name}</td>
              <td>
                <input
                  type="number"
                  name={`target-${township.key}`}
                  value={values[township.key] ?? ''}
                  onChange={(event) => setValues({ ...values, [township.key]: event.target.value })}
                />
                {rowError(township.key) && (
                  <span className="field-error" role="alert" data-testid={`error-target-${township.key}`}>
                    {rowError(township.key)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {form.fieldError('targets')}
      <button type="submit" disabled={form.busy}>
        下达目标
      </button>
      {form.message && <p data-testid="targets-message">{form.message}</p>}
    </form>
  );
}

/** 季度考核 (county officers): the quarter's table per township and per responsible unit, the xlsx 通报, and 目标设置. */
export function Assessment({ purpose }: { purpose: string }) {
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]);
  const [problem, setProblem] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(AssessmentDocument, { quarter }, { purpose });
  const table = data?.assessment;
  const download = async () => {
    setProblem(null);
    const county = table?.county.code ?? currentSession()?.region ?? '';
    try {
      await downloadExport(`/reports/assessment.xlsx?county=${encodeURIComponent(county)}&quarter=${encodeURIComponent(quarter)}`, purpose, `转移就业季度考核通报-${quarter}.xlsx`);
    } catch (failure) {
      setProblem((failure as Error).message);
    }
  };
  return (
    <section data-testid="assessment">
      <h2>季度考核{table ? `（${table.county.name ?? table.county.code} · ${table.label}）` : ''}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          季度{' '}
          <select name="quarter" value={quarter} onChange={(event) => setQuarter(event.target.value)}>
            {quarters.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void download()}>
          下载通报
        </button>
        {problem && <span className="field-error">{problem}</span>}
      </form>
      {error && <p className="error">{error.message}</p>}
      {table && (
        <>
          <AssessmentTable rows={table.townships} caption="按乡镇" testId="assessment-townships" />
          <AssessmentTable rows={table.units} caption="按挂包责任单位" testId="assessment-units" />
          <TargetsForm townships={table.townships} purpose={purpose} defaultPeriod={quarter.slice(0, 4)} onSaved={refetch} />
        </>
      )}
    </section>
  );
}
