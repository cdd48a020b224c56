import { DEPARTMENT_LABELS } from '../auth/landing';

/**
 * What the app tells the user about the service itself, apart from any page: the gateway is busy
 * and a request will be retried at a given time (503 OVERLOADED with Retry-After), or a
 * department's data is missing from answers (partial answers with SUBGRAPH_UNAVAILABLE). The
 * client (client.ts) reports; <ServiceNotices/> (shell) shows it.
 */
export interface ServiceNoticeState {
  /** When the next automatic retry goes out (ms since the epoch), the soonest of those waiting. */
  retryAt: number | null;
  /** Departments missing from the last answer of each operation, by operation. */
  unavailable: Record<string, string[]>;
}

let state: ServiceNoticeState = { retryAt: null, unavailable: {} };
const listeners = new Set<() => void>();
/** Requests waiting to retry, each with when it goes out. */
const waiting = new Map<object, number>();

function publish(next: ServiceNoticeState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function serviceNotices(): ServiceNoticeState {
  return state;
}

export function onServiceNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A request waits to retry until `at`; null: it is no longer waiting (sent, or given up). */
export function retryScheduled(request: object, at: number | null): void {
  if (at === null) waiting.delete(request);
  else waiting.set(request, at);
  const soonest = waiting.size ? Math.min(...waiting.values()) : null;
  if (soonest !== state.retryAt) publish({ ...state, retryAt: soonest });
}

/** An operation's answer came, missing these departments (none: whole). */
export function departmentsUnavailable(operation: string, departments: string[]): void {
  const previous = state.unavailable[operation] ?? [];
  if (previous.length === 0 && departments.length === 0) return;
  const unavailable = { ...state.unavailable };
  if (departments.length) unavailable[operation] = departments;
  else delete unavailable[operation];
  publish({ ...state, unavailable });
}

/** Another page: the answers that lacked a department are no longer shown. */
export function forgetUnavailable(): void {
  if (Object.keys(state.unavailable).length) publish({ ...state, unavailable: {} });
}

/** 民政、人社 — the departments missing from any current answer, by their labels. */
export function unavailableLabels(notices: ServiceNoticeState): string[] {
  const names = [...new Set(Object.values(notices.unavailable).flat())].sort();
  return names.map((name) => DEPARTMENT_LABELS[name] ?? (name === 'situation' ? '综合视图' : name));
}
