import { useState, type FormEvent, type ReactNode } from 'react';
import { graphqlRequest, GraphQLRequestError } from '../../api/client';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, chinaNow, chinaToday } from './labels';
import { RecordContactAttemptMutation, RecordFollowUpVisitMutation } from './query';

/**
 * The two forms a row opens: 联系记录 (recordContactAttempt) and 跟踪回访 (recordFollowUpVisit).
 * The server checks everything; its field problems (input.visitedOn …) show next to the field,
 * any other error above the buttons.
 */
interface FormProps {
  transferId: string;
  purpose: string;
  onDone(message: string): void;
  onCancel(): void;
}

function useSubmit(purpose: string) {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(run: () => Promise<void>) {
    setBusy(true);
    setProblems({});
    setFailure(null);
    try {
      await run();
    } catch (error) {
      const problemsByField = error instanceof GraphQLRequestError ? error.fieldProblems : {};
      setProblems(problemsByField);
      if (!Object.keys(problemsByField).length) setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return { problems, failure, busy, submit, purpose };
}

function Field({ name, label, problems, children }: { name: string; label: string; problems: Record<string, string>; children: ReactNode }) {
  const problem = problems[`input.${name}`];
  return (
    <label className={problem ? 'form-field invalid' : 'form-field'}>
      <span>{label}</span>
      {children}
      {problem && (
        <span className="field-error" role="alert" data-testid={`error-${name}`}>
          {problem}
        </span>
      )}
    </label>
  );
}

function Buttons({ busy, failure, onCancel, label }: { busy: boolean; failure: string | null; onCancel(): void; label: string }) {
  return (
    <div className="form-buttons">
      {failure && (
        <span className="field-error" role="alert" data-testid="form-error">
          {failure}
        </span>
      )}
      <button type="submit" disabled={busy}>
        {busy ? '提交中…' : label}
      </button>
      <button type="button" onClick={onCancel}>
        取消
      </button>
    </div>
  );
}

export function ContactAttemptForm({ transferId, purpose, onDone, onCancel }: FormProps) {
  const { problems, failure, busy, submit } = useSubmit(purpose);
  const [attemptedAt, setAttemptedAt] = useState(chinaNow);
  const [channel, setChannel] = useState('PHONE');
  const [outcome, setOutcome] = useState('REACHED_WORKING');
  const [note, setNote] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const input = { transferId, attemptedAt: `${attemptedAt}:00+08:00`, channel: channel as never, outcome: outcome as never, note: note.trim() || null };
      await graphqlRequest(RecordContactAttemptMutation, { input }, { purpose });
      onDone(`已记录联系：${CONTACT_OUTCOMES[outcome]}`);
    });
  };
  return (
    <form className="row-form" data-testid="contact-form" onSubmit={onSubmit}>
      <Field name="attemptedAt" label="联系时间" problems={problems}>
        <input type="datetime-local" name="attemptedAt" value={attemptedAt} onChange={(e) => setAttemptedAt(e.target.value)} required />
      </Field>
      <Field name="channel" label="联系方式" problems={problems}>
        <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {Object.entries(CONTACT_CHANNELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="outcome" label="联系结果" problems={problems}>
        <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {Object.entries(CONTACT_OUTCOMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="note" label="备注" problems={problems}>
        <input name="note" value={note} maxLength={600} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Buttons busy={busy} failure={failure} onCancel={onCancel} label="保存联系记录" />
    </form>
  );
}

export function FollowUpVisitForm({ transferId, purpose, onDone, onCancel }: FormProps) {
  const { problems, failure, busy, submit } = useSubmit(purpose);
  const [visitedOn, setVisitedOn] = useState(chinaToday);
  const [stillEmployed, setStillEmployed] = useState(true);
  const [monthlyWage, setMonthlyWage] = useState('');
  const [rightsCase, setRightsCase] = useState(false);
  const [note, setNote] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const wage = monthlyWage.trim() === '' ? null : Number(monthlyWage);
      const input = { transferId, visitedOn, stillEmployed, monthlyWage: stillEmployed ? wage : null, rightsCase, note: note.trim() || null };
      const answer = await graphqlRequest(RecordFollowUpVisitMutation, { input }, { purpose });
      const next = answer.recordFollowUpVisit.transfer.followUpDueOn;
      onDone(`已记录 ${answer.recordFollowUpVisit.visitedOn} 的回访${next ? `，下次回访 ${next}` : '，转移就业已结束'}`);
    });
  };
  return (
    <form className="row-form" data-testid="visit-form" onSubmit={onSubmit}>
      <Field name="visitedOn" label="回访日期" problems={problems}>
        <input type="date" name="visitedOn" value={visitedOn} onChange={(e) => setVisitedOn(e.target.value)} required />
      </Field>
      <Field name="stillEmployed" label="是否在岗" problems={problems}>
        <select name="stillEmployed" value={stillEmployed ? 'yes' : 'no'} onChange={(e) => setStillEmployed(e.target.value === 'yes')}>
          <option value="yes">在岗</option>
          <option value="no">已离岗（结束本次转移）</option>
        </select>
      </Field>
      <Field name="monthlyWage" label="月工资（元）" problems={problems}>
        <input type="number" name="monthlyWage" value={monthlyWage} disabled={!stillEmployed} onChange={(e) => setMonthlyWage(e.target.value)} />
      </Field>
      <Field name="rightsCase" label="劳动维权" problems={problems}>
        <input type="checkbox" name="rightsCase" checked={rightsCase} onChange={(e) => setRightsCase(e.target.checked)} />
      </Field>
      <Field name="note" label="备注" problems={problems}>
        <input name="note" value={note} maxLength={600} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Buttons busy={busy} failure={failure} onCancel={onCancel} label="保存回访" />
    </form>
  );
}
