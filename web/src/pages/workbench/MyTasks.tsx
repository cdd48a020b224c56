import { useState } from 'react';
import { graphql } from '../../gql';
import type { MyTasksQuery, TaskListFilter } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { Pager, useCursors } from './Pager';
import { useMutationForm } from './useMutationForm';
import { named, TASK_FILTERS, TASK_KIND, TASK_OUTCOME, TASK_STATUS } from './taskLabels';

const PAGE_SIZE = 20;

const MyTasksDocument = graphql(`
  query MyTasks($filter: TaskListFilter!, $first: Int!, $after: String) {
    myTasks(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes {
        id
        kind
        label
        householdCode
        villageName
        status
        openedOn
        dueOn
        overdue
        ageDays
        person {
          name
          idNumberMasked
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AcknowledgeTaskDocument = graphql(`
  mutation AcknowledgeTask($input: AcknowledgeTaskInput!) {
    acknowledgeTask(input: $input) {
      id
      status
    }
  }
`);

const CloseTaskDocument = graphql(`
  mutation CloseTask($input: CloseTaskInput!) {
    closeTask(input: $input) {
      id
      status
      outcome
    }
  }
`);

type Task = MyTasksQuery['myTasks']['nodes'][number];

/** One task of the worklist with its actions: 签收 (ASSIGNED, REOPENED) and 办结 (the server says why not: NOT_BORNE_OUT). */
function TaskRow({ task, purpose, onChanged }: { task: Task; purpose: string; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const form = useMutationForm();
  const acknowledge = () =>
    form.run(async () => {
      await graphqlRequest(AcknowledgeTaskDocument, { input: { taskId: task.id, note: note.trim() || null } }, { purpose });
      onChanged();
      return '已签收';
    });
  const close = () =>
    form.run(async () => {
      const { closeTask } = await graphqlRequest(CloseTaskDocument, { input: { taskId: task.id, note: note.trim() || null } }, { purpose });
      onChanged();
      return `已办结（${named(TASK_OUTCOME, closeTask.outcome)}）`;
    });
  const mayAcknowledge = task.status === 'ASSIGNED' || task.status === 'REOPENED';
  return (
    <tr data-testid="task-row" data-task={task.id} data-overdue={task.overdue}>
      <td>{named(TASK_KIND, task.kind)}</td>
      <td>{task.label}</td>
      <td>{task.person ? `${task.person.name} ${task.person.idNumberMasked ?? ''}` : task.householdCode ? `户 ${task.householdCode}` : '—'}</td>
      <td>{task.villageName ?? '—'}</td>
      <td data-testid="task-status">{named(TASK_STATUS, task.status)}</td>
      <td className={task.overdue ? 'overdue' : undefined}>
        {task.dueOn}
        {task.overdue ? '（已逾期）' : ''}
      </td>
      <td>{task.ageDays} 天</td>
      <td className="task-actions">
        <input name="taskNote" placeholder="备注" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
        {mayAcknowledge && (
          <button type="button" disabled={form.busy} onClick={() => void acknowledge()}>
            签收
          </button>
        )}
        <button type="button" disabled={form.busy} onClick={() => void close()}>
          办结
        </button>
        {form.problems.taskId && (
          <p className="field-error" role="alert" data-testid="task-error">
            {form.problems.taskId}
          </p>
        )}
        {form.message && <p data-testid="task-message">{form.message}</p>}
      </td>
    </tr>
  );
}

/** 我的任务: the signed-in account's open tasks by due day, in three tabs. */
export function MyTasks({ purpose }: { purpose: string }) {
  const [filter, setFilter] = useState<TaskListFilter>('ALL');
  const cursors = useCursors();
  const { data, error, loading, refetch } = useQuery(MyTasksDocument, { filter, first: PAGE_SIZE, after: cursors.after }, { purpose });
  const page = data?.myTasks;
  return (
    <section data-testid="my-tasks">
      <h2>我的任务{page ? `（${page.totalCount} 项）` : ''}</h2>
      <nav className="tabs" role="tablist" aria-label="任务筛选">
        {TASK_FILTERS.map((entry) => (
          <button
            key={entry.value}
            type="button"
            role="tab"
            aria-selected={filter === entry.value}
            onClick={() => {
              cursors.reset();
              setFilter(entry.value);
            }}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      {error && <p className="error">{error.message}</p>}
      {page && (
        <>
          <table className="roster-table">
            <thead>
              <tr>
                <th>类别</th>
                <th>任务</th>
                <th>对象</th>
                <th>村（社区）</th>
                <th>状态</th>
                <th>期限</th>
                <th>已历时</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((task) => (
                <TaskRow key={task.id} task={task} purpose={purpose} onChanged={refetch} />
              ))}
              {page.nodes.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    暂无任务
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
