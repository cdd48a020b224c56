import { useState } from 'react';
import { graphql } from '../../gql';
import type { VerificationOutcome } from '../../gql/graphql';
import { graphqlRequest } from '../../api/client';
import { label, VERIFICATION_OUTCOMES } from './labels';
import { useMutationForm } from './useMutationForm';

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
  const form = useMutationForm();

  const submit = () =>
    form.run(async () => {
      const { recordVerification } = await graphqlRequest(
        RecordVerificationDocument,
        { input: { idNumber, outcome, ...(verifiedOn ? { verifiedOn } : {}), ...(note ? { note } : {}) } },
        { purpose },
      );
      setNote('');
      onRecorded();
      return `已记录：${recordVerification.verifiedOn} ${label('outcome', recordVerification.outcome)}`;
    });

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
        {form.fieldError('verifiedOn')}
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
        {form.fieldError('outcome')}
      </label>
      <label>
        备注 <input name="note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {form.fieldError('note')}
      </label>
      {form.fieldError('idNumber')}
      <button type="submit" disabled={form.busy}>
        记录核实
      </button>
      {form.message && <p data-testid="form-message">{form.message}</p>}
    </form>
  );
}
