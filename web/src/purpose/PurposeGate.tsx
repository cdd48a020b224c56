import { useState, type ReactNode } from 'react';
import { PURPOSES, type Purpose } from '@jiuye/common/purposes';
import { setPurpose, usePurpose } from './purpose';

/** The prompt: choose one purpose of use (the x-purpose choices, in Chinese) and confirm. */
export function PurposePrompt() {
  const [choice, setChoice] = useState<string>('');
  return (
    <form
      className="purpose-prompt"
      data-testid="purpose-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) setPurpose(choice);
      }}
    >
      <h2>请先声明使用目的</h2>
      <p>查看人员信息前须说明用途；本次会话内有效，可随时更改。每次查询都会连同用途记入访问日志。</p>
      <fieldset>
        <legend>使用目的</legend>
        {Object.entries(PURPOSES).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="purpose" value={value} checked={choice === value} onChange={() => setChoice(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={!choice}>
        确认
      </button>
    </form>
  );
}

/** The declared purpose and a way to change it (shown above person-level pages). */
export function PurposeBar({ purpose }: { purpose: Purpose }) {
  return (
    <p className="purpose-bar" data-testid="purpose-bar">
      使用目的：<strong>{PURPOSES[purpose]}</strong>{' '}
      <button type="button" onClick={() => setPurpose(null)}>
        更改
      </button>
    </p>
  );
}

/**
 * Renders its children (a person-level page) only once the purpose is declared: before, the
 * prompt, and the children are not mounted, so none of their queries is sent.
 */
export function PurposeGate({ children }: { children: (purpose: string) => ReactNode }) {
  const purpose = usePurpose();
  if (!purpose) return <PurposePrompt />;
  return (
    <>
      <PurposeBar purpose={purpose} />
      {children(purpose)}
    </>
  );
}
