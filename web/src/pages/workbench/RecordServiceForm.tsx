import { useState } from 'react';
import { graphql } from '../../gql';
import type { PostingSource, RecordServiceInput, ServiceChannel, ServiceKind, ServiceOutcome } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { useMutationForm } from './useMutationForm';
import { CHANNEL_LABELS, KIND_FIELDS, OUTCOME_LABELS, POSTING_SOURCE_LABELS, SERVICE_KINDS } from './serviceKinds';

const RecordHrServiceDocument = graphql(`
  mutation RecordHrService($input: RecordServiceInput!) {
    recordHrService(input: $input) {
      id
      servedOn
    }
  }
`);
const RecordPovertyServiceDocument = graphql(`
  mutation RecordPovertyService($input: RecordServiceInput!) {
    recordPovertyService(input: $input) {
      id
      servedOn
    }
  }
`);
const RecordCivilServiceDocument = graphql(`
  mutation RecordCivilService($input: RecordServiceInput!) {
    recordCivilService(input: $input) {
      id
      servedOn
    }
  }
`);
const RecordTrainingServiceDocument = graphql(`
  mutation RecordTrainingService($input: RecordServiceInput!) {
    recordTrainingService(input: $input) {
      id
      servedOn
    }
  }
`);
const RecordPartnerServiceDocument = graphql(`
  mutation RecordPartnerService($input: RecordServiceInput!) {
    recordPartnerService(input: $input) {
      id
      servedOn
    }
  }
`);

/** The signed-in department's record<Dept>Service (each department records its own services only). */
async function recordService(department: string, input: RecordServiceInput, purpose: string): Promise<{ id: string; servedOn: string }> {
  switch (department) {
    case 'hr':
      return (await graphqlRequest(RecordHrServiceDocument, { input }, { purpose })).recordHrService;
    case 'poverty':
      return (await graphqlRequest(RecordPovertyServiceDocument, { input }, { purpose })).recordPovertyService;
    case 'civil':
      return (await graphqlRequest(RecordCivilServiceDocument, { input }, { purpose })).recordCivilService;
    case 'training':
      return (await graphqlRequest(RecordTrainingServiceDocument, { input }, { purpose })).recordTrainingService;
    case 'partner':
      return (await graphqlRequest(RecordPartnerServiceDocument, { input }, { purpose })).recordPartnerService;
    default:
      throw new Error(`本部门（${department}）不记录服务`);
  }
}

export const SERVICE_DEPARTMENTS = ['hr', 'poverty', 'civil', 'training', 'partner'];

const blank = (text: string) => (text.trim() === '' ? null : text.trim());

/** 记录服务: one service the signed-in department gave the worker; the kind decides the extra fields; errors sit at the field. */
export function RecordServiceForm({
  department,
  workerId,
  purpose,
  onRecorded,
}: {
  department: string;
  workerId: string;
  purpose: string;
  onRecorded: (recordId: string) => void;
}) {
  const [kind, setKind] = useState<ServiceKind>('CAREER_GUIDANCE');
  const [servedOn, setServedOn] = useState('');
  const [note, setNote] = useState('');
  const [postingIds, setPostingIds] = useState('');
  const [postingSource, setPostingSource] = useState<PostingSource | ''>('');
  const [outcome, setOutcome] = useState<ServiceOutcome | ''>('');
  const [channel, setChannel] = useState<ServiceChannel | ''>('');
  const [courseId, setCourseId] = useState('');
  const [classId, setClassId] = useState('');
  const [closedOn, setClosedOn] = useState('');
  const form = useMutationForm();
  const fields = KIND_FIELDS[kind] ?? {};

  const submit = () =>
    form.run(async () => {
      const input: RecordServiceInput = { workerId, kind, servedOn, note: blank(note) };
      if (fields.postings) {
        input.postingIds = postingIds
          .split(/[\s,，]+/)
          .map((id) => id.trim())
          .filter(Boolean);
        if (postingSource) input.postingSource = postingSource;
      }
      if (fields.outcomes && outcome) input.outcome = outcome;
      if (fields.channel && channel) input.channel = channel;
      if (fields.training) {
        input.courseId = blank(courseId);
        input.classId = blank(classId);
      }
      if (fields.closedOn && closedOn) input.closedOn = closedOn;
      const recorded = await recordService(department, input, purpose);
      onRecorded(recorded.id);
      return `已记录服务（${recorded.servedOn}）`;
    });

  return (
    <form
      className="action-form"
      data-testid="record-service-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>记录服务</h3>
      <label>
        服务类型{' '}
        <select
          name="serviceKind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as ServiceKind);
            setOutcome('');
          }}
        >
          {SERVICE_KINDS.map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
        {form.fieldError('kind')}
      </label>
      <label>
        {kind === 'RIGHTS_PROTECTION' ? '立案日期' : '服务日期'} <input type="date" name="servedOn" value={servedOn} onChange={(event) => setServedOn(event.target.value)} />
        {form.fieldError('servedOn')}
      </label>
      {fields.postings && (
        <>
          <label>
            {fields.postings === 'one' ? '推荐岗位编号' : '推送岗位编号（逗号分隔，最多 20 个）'}{' '}
            <input name="postingIds" value={postingIds} onChange={(event) => setPostingIds(event.target.value)} />
            {form.fieldError('postingIds')}
          </label>
          <label>
            岗位来源{' '}
            <select name="postingSource" value={postingSource} onChange={(event) => setPostingSource(event.target.value as PostingSource | '')}>
              <option value="">本部门默认</option>
              {Object.entries(POSTING_SOURCE_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
            {form.fieldError('postingSource')}
          </label>
        </>
      )}
      {fields.outcomes && (
        <label>
          {fields.outcomeRequired ? '结果' : '结案结果'}{' '}
          <select name="outcome" value={outcome} onChange={(event) => setOutcome(event.target.value as ServiceOutcome | '')}>
            <option value="">{fields.outcomeRequired ? '请选择' : '（未结案）'}</option>
            {fields.outcomes.map((value) => (
              <option key={value} value={value}>
                {OUTCOME_LABELS[value]}
              </option>
            ))}
          </select>
          {form.fieldError('outcome')}
        </label>
      )}
      {fields.channel && (
        <label>
          渠道{' '}
          <select name="channel" value={channel} onChange={(event) => setChannel(event.target.value as ServiceChannel | '')}>
            <option value="">{fields.channel === 'required' ? '请选择' : '（不填）'}</option>
            {Object.entries(CHANNEL_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          {form.fieldError('channel')}
        </label>
      )}
      {fields.training && (
        <>
          <label>
            课程编号 <input name="courseId" value={courseId} onChange={(event) => setCourseId(event.target.value)} />
            {form.fieldError('courseId')}
          </label>
          <label>
            班级编号 <input name="classId" value={classId} onChange={(event) => setClassId(event.target.value)} />
            {form.fieldError('classId')}
          </label>
        </>
      )}
      {fields.closedOn && (
        <label>
          结案日期 <input type="date" name="closedOn" value={closedOn} onChange={(event) => setClosedOn(event.target.value)} />
          {form.fieldError('closedOn')}
        </label>
      )}
      <label>
        说明 <input name="serviceNote" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
      </label>
      {form.fieldError('workerId')}
      <button type="submit" disabled={form.busy}>
        记录服务
      </button>
      {form.message && <p data-testid="service-message">{form.message}</p>}
    </form>
  );
}
