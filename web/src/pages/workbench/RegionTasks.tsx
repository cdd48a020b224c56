import { useState } from 'react';
import { downloadExport } from './exportFile';
import { graphql } from '../../gql';
import type { TaskKind, WarningResponsibleKind } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { currentSession } from '../../auth/session';
import { Pager, useCursors } from './Pager';
import { RegionPicker } from './RegionPicker';
import { useMutationForm } from './useMutationForm';
import { ASSIGNEE_KIND, named, TASK_KIND, TASK_STATUS } from './taskLabels';

const PAGE_SIZE = 20;

const RegionTasksDocument = graphql(`
  query RegionTasks($region: String, $overdue: Boolean, $first: Int!, $after: String) {
    tasks(region: $region, overdue: $overdue, first: $first, after: $after) {
      totalCount
      region {
        code
        name
      }
      countsByAssignee {
        assignee
        assigneeKind
        open
        overdue
      }
      countsByAge {
        bucket
        count
      }
      nodes {
        id
        kind
        subject
        label
        villageName
        status
        assignee
        assigneeKind
        dueOn
        overdue
        ageDays
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AssignTaskDocument = graphql(`
  mutation AssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) {
      id
      status
      assignee
      dueOn
    }
  }
`);

/** 分派任务: a subject (household code, warning or conflict id) to a named account whose scope covers it. */
function AssignForm({ purpose, onAssigned }: { purpose: string; onAssigned: () => void }) {
  const [kind, setKind] = useState<TaskKind>('ZERO_EMPLOYMENT_HOUSEHOLD');
  const [subject, setSubject] = useState('');
  const [assignee, setAssignee] = useState('');
  const [assigneeKind, setAssigneeKind] = useState<WarningResponsibleKind>('VILLAGE_ASSISTANT');
  const [assigneeScope, setAssigneeScope] = useState('');
  const [note, setNote] = useState('');
  const form = useMutationForm();
  const submit = () =>
    form.run(async () => {
      const { assignTask } = await graphqlRequest(
        AssignTaskDocument,
        { input: { kind, subject: subject.trim(), assignee: assignee.trim(), assigneeKind, assigneeScope: assigneeScope.trim(), note: note.trim() || null } },
        { purpose },
      );
      onAssigned();
      return `已分派给 ${assignTask.assignee ?? assignee}（期限 ${assignTask.dueOn}）`;
    });
  return (
    <form
      className="action-form"
      data-testid="assign-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>分派任务</h3>
      <label>
        类别{' '}
        <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as TaskKind)}>
          {Object.entries(TASK_KIND).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {form.fieldError('kind')}
      </label>
      <label>
        对象（户编号/预警/冲突编号） <input name="subject" value={subject} onChange={(event) => setSubject(event.target.value)} />
        {form.fieldError('subject')}
      </label>
      <label>
        责任人账号 <input name="assignee" value={assignee} onChange={(event) => setAssignee(event.target.value)} />
        {form.fieldError('assignee')}
      </label>
      <label>
        责任人类别{' '}
        <select name="assigneeKind" value={assigneeKind} onChange={(event) => setAssigneeKind(event.target.value as WarningResponsibleKind)}>
          {Object.entries(ASSIGNEE_KIND).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {form.fieldError('assigneeKind')}
      </label>
      <label>
        责任范围（区划/城市/机构） <input name="assigneeScope" value={assigneeScope} onChange={(event) => setAssigneeScope(event.target.value)} />
        {form.fieldError('assigneeScope')}
      </label>
      <label>
        说明 <input name="note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
      </label>
      <button type="submit" disabled={form.busy}>
        分派
      </button>
      {form.message && <p data-testid="assign-message">{form.message}</p>}
    </form>
  );
}

/** 区域任务 (officers): the region's tasks with open tasks by assignee and by age, and the assign form. */
export function RegionTasks({ purpose }: { purpose: string }) {
  const root = currentSession()?.region ?? '';
  const [region, setRegion] = useState(root);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const cursors = useCursors();
  const { data, error, loading, refetch } = useQuery(
    RegionTasksDocument,
    { region: region || null, overdue: overdueOnly ? true : null, first: PAGE_SIZE, after: cursors.after },
    { purpose },
  );
  const page = data?.tasks;
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const exportAs = (format: 'xlsx' | 'csv') => {
    setExportProblem(null);
    const query = new URLSearchParams({ ...(region ? { region } : {}), ...(overdueOnly ? { overdue: 'true' } : {}) });
    downloadExport(`/exports/tasks.${format}?${query}`, purpose, `tasks-${region || 'region'}.${format}`).catch((failure: Error) => setExportProblem(failure.message));
  };
  return (
    <section data-testid="region-tasks">
      <h2>区域任务{page ? `（${page.region.name ?? page.region.code}，${page.totalCount} 项）` : ''}</h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        {root && (
          <RegionPicker
            root={root}
            value={region}
            onChange={(code) => {
              cursors.reset();
              setRegion(code);
            }}
          />
        )}
        <label>
          <input
            type="checkbox"
            name="overdueOnly"
            checked={overdueOnly}
            onChange={(event) => {
              cursors.reset();
              setOverdueOnly(event.target.checked);
            }}
          />{' '}
          仅看逾期
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
          <div className="task-counts">
            <table className="roster-table" data-testid="counts-by-assignee">
              <caption>未办结任务（按责任人）</caption>
              <thead>
                <tr>
                  <th>责任人</th>
                  <th>未办结</th>
                  <th>已逾期</th>
                </tr>
              </thead>
              <tbody>
                {page.countsByAssignee.map((row) => (
                  <tr key={`${row.assignee ?? ''}-${row.assigneeKind ?? ''}`} data-testid="assignee-count">
                    <td>{row.assignee ? `${row.assignee}（${named(ASSIGNEE_KIND, row.assigneeKind)}）` : '待分派'}</td>
                    <td>{row.open}</td>
                    <td>{row.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="roster-table" data-testid="counts-by-age">
              <caption>未办结任务（按已历时天数）</caption>
              <thead>
                <tr>
                  {page.countsByAge.map((row) => (
                    <th key={row.bucket}>{row.bucket} 天</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {page.countsByAge.map((row) => (
                    <td key={row.bucket} data-testid={`age-${row.bucket}`}>
                      {row.count}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <table className="roster-table">
            <thead>
              <tr>
                <th>类别</th>
                <th>任务</th>
                <th>对象</th>
                <th>村（社区）</th>
                <th>状态</th>
                <th>责任人</th>
                <th>期限</th>
                <th>已历时</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((task) => (
                <tr key={task.id} data-testid="region-task-row" data-task={task.id}>
                  <td>{named(TASK_KIND, task.kind)}</td>
                  <td>{task.label}</td>
                  <td>{task.subject}</td>
                  <td>{task.villageName ?? '—'}</td>
                  <td>{named(TASK_STATUS, task.status)}</td>
                  <td>{task.assignee ? `${task.assignee}（${named(ASSIGNEE_KIND, task.assigneeKind)}）` : '—'}</td>
                  <td className={task.overdue ? 'overdue' : undefined}>{task.dueOn}</td>
                  <td>{task.ageDays} 天</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager cursors={cursors} pageInfo={page.pageInfo} loading={loading} />
        </>
      )}
      <AssignForm purpose={purpose} onAssigned={refetch} />
    </section>
  );
}
