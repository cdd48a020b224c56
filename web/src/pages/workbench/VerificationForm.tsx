import { useState } from 'react';
import { graphql } from '../../gql';
import type { VerificationOutcome } from '../../gql/graphql';
import { graphqlRequest, GraphQLRequestError } from '../../api/client';
import { label, VERIFICATION_OUTCOMES } from './labels';
import { problemsByField } from './partial';

const RecordVerificationDocument = graphql(`
  mutation RecordVerification($input: RecordVerificationInput!) {
    recordVerification(input: $input) {
      id
      verifiedOn
      outcome
    }
  }
`);

/** 月动态核实 from the worker card: the server's problem with a field appears next to that field. */
export function VerificationForm({ idNumber, purpose, onRecorded }: { idNumber: string; purpose: string; onRecorded: () => void }) {
  const [verifiedOn, setVerifiedOn] = useState('');
  const [outcome, setOutcome] = useState<VerificationOutcome>('CONFIRMED');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    setProblems({});
    try {
      const { recordVerification } = await graphqlRequest(
        RecordVerificationDocument,
        { input: { idNumber, outcome, ...(verifiedOn ? { verifiedOn } : {}), ...(note ? { note } : {}) } },
        { purpose },
      );
      setMessage(`已记录：${recordVerification.verifiedOn} ${label('outcome', recordVerification.outcome)}`);
      setNote('');
      onRecorded();
    } catch (error) {
      const failure = error instanceof GraphQLRequestError ? error : new GraphQLRequestError(String(error), 0, []);
      const byField = problemsByField(failure);
      setProblems(byField);
      if (Object.keys(byField).length === 0) setMessage(failure.message);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) =>
    problems[field] ? (
      <span className="field-error" role="alert" data-testid={`error-${field}`}>
        {problems[field]}
      </span>
    ) : null;

  return (
    <form
      className="action-form"
      data-testid="verification-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>月动态核实</h3>
      <label>
        核实日期 <input type="date" name="verifiedOn" value={verifiedOn} onChange={(event) => setVerifiedOn(event.target.value)} />
        {fieldError('verifiedOn')}
      </label>
      <label>
        核实结果{' '}
        <select name="outcome" value={outcome} onChange={(event) => setOutcome(event.target.value as VerificationOutcome)}>
          {VERIFICATION_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {label('outcome', value)}
            </option>
          ))}
        </select>
        {fieldError('outcome')}
      </label>
      <label>
        备注 <input name="note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {fieldError('note')}
      </label>
      {fieldError('idNumber')}
      <button type="submit" disabled={busy}>
        记录核实
      </button>
      {message && <p data-testid="form-message">{message}</p>}
    </form>
  );
}
