import { useState, type ReactNode } from 'react';
import { GraphQLRequestError } from '../../api/client';
import { problemsByField } from './partial';

/**
 * A daily-action form's submit state: the server's problems by input field (shown next to the
 * field by fieldError), or its message when no field is named, or the success note.
 */
export function useMutationForm() {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>): Promise<boolean> {
    setBusy(true);
    setProblems({});
    setMessage(null);
    try {
      setMessage(await action());
      return true;
    } catch (error) {
      const failure = error instanceof GraphQLRequestError ? error : new GraphQLRequestError(String(error), 0, []);
      const byField = problemsByField(failure);
      setProblems(byField);
      if (Object.keys(byField).length === 0) setMessage(failure.message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string): ReactNode =>
    problems[field] ? (
      <span className="field-error" role="alert" data-testid={`error-${field}`}>
        {problems[field]}
      </span>
    ) : null;

  return { run, busy, message, problems, fieldError };
}
