import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { useQuery } from '../../api/useQuery';
import { currentSession } from '../../auth/session';
import { RecordServiceForm, SERVICE_DEPARTMENTS } from './RecordServiceForm';
import { CHANNEL_LABELS, OUTCOME_LABELS } from './serviceKinds';
import { WithdrawServiceForm } from './WithdrawServiceForm';

const ServiceTimelineDocument = graphql(`
  query ServiceTimeline($id: ID!) {
    situationPerson(id: $id) {
      id
      lastServiceOn
      serviceTimeline(first: 50) {
        totalCount
        nodes {
          department
          departmentLabel
          recordId
          kind
          kindLabel
          servedOn
          staffAccount
          outcome
          channel
          postingIds
          courseId
          classId
          caseStatus
          closedOn
        }
      }
    }
  }
`);

/** How often the timeline asks again while a service just recorded has not reached the read model. */
const AWAIT_POLL_MS = 1500;
/** How long it keeps asking (the feed applies a change within seconds; after this the page stops polling). */
const AWAIT_LIMIT_MS = 30_000;

/** 一人一案: every department's services to the worker, newest first, and the 记录服务 form of the signed-in department. */
export function ServiceTimeline({ workerId, purpose }: { workerId: string; purpose: string }) {
  const [awaiting, setAwaiting] = useState<string | null>(null);
  /** A record of ours just withdrawn: polled for until the read model drops it. */
  const [leaving, setLeaving] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(ServiceTimelineDocument, { id: workerId }, { purpose, pollMs: awaiting || leaving ? AWAIT_POLL_MS : undefined });
  const person = data?.situationPerson;
  const entries = person?.serviceTimeline.nodes ?? [];
  const session = currentSession();
  const department = session?.department ?? '';
  const mayRecord = SERVICE_DEPARTMENTS.includes(department) && session?.role !== 'viewer';
  useEffect(() => {
    if (!awaiting && !leaving) return;
    const timer = setTimeout(() => {
      setAwaiting(null);
      setLeaving(null);
    }, AWAIT_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [awaiting, leaving]);
  if (awaiting && entries.some((entry) => entry.department === department && entry.recordId === awaiting)) setAwaiting(null);
  if (leaving && data && !entries.some((entry) => entry.department === department && entry.recordId === leaving)) setLeaving(null);

  return (
    <section className="fact-block service-timeline" data-testid="service-timeline">
      <h3>
        一人一案 · 服务记录{person ? `（${person.serviceTimeline.totalCount} 条）` : ''}
        <small data-testid="last-service-on">最近服务：{person?.lastServiceOn ?? '—'}</small>
      </h3>
      {error && <p className="error">{error.message}</p>}
      {(awaiting || leaving) && <p className="muted">已提交，等待汇总库更新…</p>}
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={`${entry.department}-${entry.recordId}`} data-testid="service-entry" data-record={`${entry.department}-${entry.recordId}`}>
            <time>{entry.servedOn}</time> <strong>{entry.kindLabel}</strong> · {entry.departmentLabel} · {entry.staffAccount}
            {entry.outcome ? ` · ${OUTCOME_LABELS[entry.outcome]}` : ''}
            {entry.channel ? ` · ${CHANNEL_LABELS[entry.channel]}` : ''}
            {entry.postingIds.length ? ` · 岗位 ${entry.postingIds.join('、')}` : ''}
            {entry.courseId ? ` · 课程 ${entry.courseId}` : ''}
            {entry.classId ? ` · 班级 ${entry.classId}` : ''}
            {entry.caseStatus ? ` · ${entry.caseStatus === 'CLOSED' ? `已结案 ${entry.closedOn ?? ''}` : '办理中'}` : ''}
            {mayRecord && entry.department === department && entry.recordId !== leaving && (
              <>
                {' '}
                <WithdrawServiceForm
                  department={department}
                  recordId={entry.recordId}
                  purpose={purpose}
                  onWithdrawn={() => {
                    setLeaving(entry.recordId);
                    refetch();
                  }}
                />
              </>
            )}
          </li>
        ))}
        {data && entries.length === 0 && <li className="muted">暂无服务记录</li>}
      </ol>
      {mayRecord && (
        <RecordServiceForm
          department={department}
          workerId={workerId}
          purpose={purpose}
          onRecorded={(recordId) => {
            setAwaiting(recordId);
            refetch();
          }}
        />
      )}
    </section>
  );
}
