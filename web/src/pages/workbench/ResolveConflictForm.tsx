import { useState } from 'react';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../api/client';
import { useMutationForm } from './useMutationForm';

const ResolveConflictDocument = graphql(`
  mutation ResolveConflict($input: ResolveConflictInput!) {
    resolveConflict(input: $input) {
      id
      status
      resolution {
        note
        keptSource
        resolvedAt
      }
    }
  }
`);

/** 处理冲突: a note (required) and optionally which department's fact holds; the server's problems at their fields. */
export function ResolveConflictForm({
  conflictId,
  sources,
  purpose,
  onResolved,
}: {
  conflictId: string;
  sources: { department: string; departmentLabel: string }[];
  purpose: string;
  onResolved: () => void;
}) {
  const [note, setNote] = useState('');
  const [keptSource, setKeptSource] = useState('');
  const form = useMutationForm();
  const submit = () =>
    form.run(async () => {
      await graphqlRequest(ResolveConflictDocument, { input: { conflictId, note, ...(keptSource ? { keptSource } : {}) } }, { purpose });
      onResolved();
      return '已处理';
    });
  const fieldError = form.fieldError;

  return (
    <form
      className="action-form resolve"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        处理说明 <input name="note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {fieldError('note')}
      </label>
      <label>
        以哪方为准{' '}
        <select name="keptSource" value={keptSource} onChange={(event) => setKeptSource(event.target.value)}>
          <option value="">（不指定）</option>
          {sources.map((source) => (
            <option key={source.department} value={source.department}>
              {source.departmentLabel}
            </option>
          ))}
        </select>
        {fieldError('keptSource')}
      </label>
      {fieldError('conflictId')}
      <button type="submit" disabled={form.busy}>
        处理
      </button>
      {form.message && <span data-testid="resolve-message">{form.message}</span>}
    </form>
  );
}
