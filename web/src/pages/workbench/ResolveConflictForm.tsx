import { useState } from 'react';
import { graphql } from '../../gql';
import { graphqlRequest, GraphQLRequestError } from '../../api/client';
import { problemsByField } from './partial';

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
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setProblems({});
    setMessage(null);
    try {
      await graphqlRequest(ResolveConflictDocument, { input: { conflictId, note, ...(keptSource ? { keptSource } : {}) } }, { purpose });
      setMessage('已处理');
      onResolved();
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
      <button type="submit" disabled={busy}>
        处理
      </button>
      {message && <span data-testid="resolve-message">{message}</span>}
    </form>
  );
}
