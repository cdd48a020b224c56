import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { graphql } from '../../gql';
import type { WorkerCardQuery } from '../../gql/graphql';
import { GraphQLRequestError, type GraphQLErrorEntry } from '../../api/client';
import { currentSession } from '../../auth/session';
import { label, when } from './labels';
import { partialRequest, sessionPermissions } from './partial';
import { EmploymentEndForm, EmploymentStartForm } from './EmploymentForms';
import { VerificationForm } from './VerificationForm';
import { ServiceTimeline } from './ServiceTimeline';

/** One request: every department's facts about the worker, as the federated graph answers for this account. */
export const WorkerCardDocument = graphql(`
  query WorkerCard($idNumber: String!) {
    worker(idNumber: $idNumber) {
      id
      name
      sex
      age
      idNumberMasked
      phoneMasked
      village {
        code
        name
      }
      hrRecordedAt
      populationStatus
      employmentStatus
      verifiedOn
      currentEmployment {
        id
        employerName
        location
        startsOn
        monthlyWage
      }
      employments {
        id
        employerName
        startsOn
        endsOn
      }
      povertyRecordedAt
      povertyStatus
      povertyHousehold {
        code
        statusSince
      }
      civilRecordedAt
      leftBehind
      disability {
        kind
        grade
        certifiedOn
      }
      trainingRecordedAt
      enrolments {
        id
        enrolledOn
        status
        completedOn
        trainingClass {
          course {
            name
          }
        }
      }
      partnerRecordedAt
      transfers {
        id
        employerName
        jobTitle
        startedOn
        endedOn
      }
    }
  }
`);

const RevealDocument = graphql(`
  query WorkerReveal($idNumber: String!) {
    worker(idNumber: $idNumber) {
      id
      idNumber
    }
  }
`);

type Worker = NonNullable<WorkerCardQuery['worker']>;

function Block({ department, title, recordedAt, refused, children }: { department: string; title: string; recordedAt?: string | null; refused?: boolean; children: ReactNode }) {
  return (
    <section className="fact-block" data-department={department}>
      <h3>
        {title}
        <small data-testid={`${department}-recorded-at`}>最后变更：{when(recordedAt)}</small>
      </h3>
      {refused ? <p className="muted">本账号无权查看该部门的部分信息。</p> : null}
      {children}
    </section>
  );
}

function Fact({ name, value, testId }: { name: string; value: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <dt>{name}</dt>
      <dd data-testid={testId}>{value ?? '—'}</dd>
    </div>
  );
}

/** The searched worker: one card, a block per department, each with its last change. */
export function WorkerCard({ idNumber, purpose }: { idNumber: string; purpose: string }) {
  const [state, setState] = useState<{ worker?: Worker | null; errors: GraphQLErrorEntry[]; failure?: GraphQLRequestError; loading: boolean }>({ errors: [], loading: true });
  const [revealed, setRevealed] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    partialRequest(WorkerCardDocument, { idNumber }, purpose).then(
      ({ data, errors }) => live && setState({ worker: data.worker, errors, loading: false }),
      (error: unknown) => live && setState({ errors: [], loading: false, failure: error instanceof GraphQLRequestError ? error : new GraphQLRequestError(String(error), 0, []) }),
    );
    return () => {
      live = false;
    };
  }, [idNumber, purpose, tick]);

  useEffect(() => setRevealed(null), [idNumber]);

  if (state.failure)
    return (
      <p className="error" data-testid="card-error">
        {state.failure.code === 'NOT_FOUND' ? '未找到该身份证号对应的登记人员（或不在本账号的辖区内）。' : state.failure.message}
      </p>
    );
  if (state.worker === undefined) return <p>加载中…</p>;
  const worker = state.worker;
  if (!worker) return <p data-testid="card-error">未找到该身份证号对应的登记人员（或不在本账号的辖区内）。</p>;
  const refusedUnder = (...fields: string[]) => state.errors.some((error) => fields.includes(String(error.path?.[1] ?? '')));
  const canReveal = sessionPermissions().includes('reveal');
  const session = currentSession();
  // What hr's rules allow (subgraphs/hr/src/access.ts): verifications by hr officers and village
  // assistants, employment records by hr staff who are not viewers. Follow-up visits are the
  // partner cities' (recordFollowUpVisit refuses every other department), so none here.
  const mayVerify = session?.department === 'hr' && (session.role === 'officer' || session.role === 'village_assistant');
  const mayRecordEmployment = session?.department === 'hr' && session.role !== 'viewer';

  const reveal = () => {
    partialRequest(RevealDocument, { idNumber }, purpose).then(
      ({ data }) => setRevealed(data.worker?.idNumber ?? null),
      (error: Error) => setRevealed(`（${error.message}）`),
    );
  };

  return (
    <article className="worker-card" data-testid="worker-card">
      <header>
        <h2 data-testid="worker-name">{worker.name ?? '—'}</h2>
        <span data-testid="worker-id-number">{revealed ?? worker.idNumberMasked ?? '—'}</span>
        {canReveal && !revealed && (
          <button type="button" onClick={reveal} title="显示完整身份证号（记入访问日志）">
            显示
          </button>
        )}
        <span>
          {label('sex', worker.sex)} · {worker.age ?? '—'} 岁 · {worker.village?.name ?? '—'} · 电话 {worker.phoneMasked ?? '—'}
        </span>
        {state.loading && <span className="muted">刷新中…</span>}
      </header>
      <div className="blocks">
        <Block
          department="hr"
          title="人社 · 劳动力登记"
          recordedAt={worker.hrRecordedAt}
          refused={refusedUnder('employmentStatus', 'employments', 'currentEmployment', 'verifiedOn')}
        >
          <dl>
            <Fact name="人口状态" value={label('populationStatus', worker.populationStatus)} />
            <Fact name="就业状态" value={label('employmentStatus', worker.employmentStatus)} testId="employment-status" />
            <Fact name="月动态核实" value={worker.verifiedOn} testId="verified-on" />
            <Fact
              name="当前就业"
              testId="current-employment"
              value={
                worker.currentEmployment
                  ? `${worker.currentEmployment.employerName}（${worker.currentEmployment.location}，自 ${worker.currentEmployment.startsOn}，${worker.currentEmployment.monthlyWage} 元/月）`
                  : '无'
              }
            />
            <Fact name="就业记录" value={`${worker.employments?.length ?? 0} 条`} />
          </dl>
        </Block>
        <Block department="poverty" title="乡村振兴 · 建档立卡" recordedAt={worker.povertyRecordedAt} refused={refusedUnder('povertyStatus', 'povertyHousehold')}>
          <dl>
            <Fact name="贫困状态" value={worker.povertyStatus ? label('povertyStatus', worker.povertyStatus) : '未建档'} testId="poverty-status" />
            <Fact name="户编号" value={worker.povertyHousehold?.code} />
            <Fact name="状态起始" value={worker.povertyHousehold?.statusSince} />
          </dl>
        </Block>
        <Block department="civil" title="民政 · 救助与关爱" recordedAt={worker.civilRecordedAt} refused={refusedUnder('leftBehind', 'disability')}>
          <dl>
            <Fact name="三留守" value={worker.leftBehind ? label('leftBehind', worker.leftBehind) : '否'} />
            <Fact name="残疾" value={worker.disability ? `${worker.disability.kind} ${worker.disability.grade} 级（${worker.disability.certifiedOn ?? '—'}）` : '无'} />
          </dl>
        </Block>
        <Block department="training" title="人社培训 · 培训经历" recordedAt={worker.trainingRecordedAt} refused={refusedUnder('enrolments')}>
          <ul data-testid="enrolments">
            {(worker.enrolments ?? []).map((enrolment) => (
              <li key={enrolment.id}>
                {enrolment.trainingClass.course.name}：{enrolment.enrolledOn} 报名，{enrolment.completedOn ? `${enrolment.completedOn} 结业` : enrolment.status}
              </li>
            ))}
            {worker.enrolments?.length ? null : <li className="muted">无</li>}
          </ul>
        </Block>
        <Block department="partner" title="协作城市 · 转移就业" recordedAt={worker.partnerRecordedAt} refused={refusedUnder('transfers')}>
          <ul data-testid="transfers">
            {(worker.transfers ?? []).map((transfer) => (
              <li key={transfer.id}>
                {transfer.employerName} · {transfer.jobTitle}：{transfer.startedOn} 上岗{transfer.endedOn ? `，${transfer.endedOn} 离岗` : ''}
              </li>
            ))}
            {worker.transfers?.length ? null : <li className="muted">无</li>}
          </ul>
        </Block>
      </div>
      <ServiceTimeline workerId={worker.id} purpose={purpose} />
      {mayVerify && <VerificationForm idNumber={idNumber} purpose={purpose} onRecorded={refresh} />}
      {mayRecordEmployment &&
        (worker.currentEmployment ? (
          <EmploymentEndForm key={worker.currentEmployment.id} employmentId={worker.currentEmployment.id} purpose={purpose} onRecorded={refresh} />
        ) : (
          <EmploymentStartForm idNumber={idNumber} purpose={purpose} onRecorded={refresh} />
        ))}
    </article>
  );
}
