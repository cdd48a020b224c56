import type { Scenario } from './scenarios';

/**
 * A steady load: one request every 1000/rate ms whatever the answers take (open loop, so that a
 * slow service shows as latency, not as a lower rate), the scenarios in turn. At most
 * `maxInFlight` requests outstanding; a tick that finds them all busy is counted as skipped, not
 * queued. Every answer is recorded: its latency, and whether it was an error and which.
 */
export interface Outcome {
  scenario: string;
  /** When it was sent, ms since the load started. */
  at: number;
  ms: number;
  /** null when the answer was whole and as expected. */
  error: string | null;
}

export interface LoadOptions {
  url: string;
  scenarios: Scenario[];
  rate: number;
  timeoutMs?: number;
  maxInFlight?: number;
  /** Every answer as it comes, with its data (not kept). */
  onOutcome?: (outcome: Outcome, data: any) => void;
}

export interface RunningLoad {
  outcomes: Outcome[];
  skipped: number;
  inFlight(): number;
  /** Stops sending; resolves when every request sent has its answer. */
  stop(): Promise<void>;
}

/** What went wrong, as a short label: HTTP status, the GraphQL error codes, a timeout, or a refused connection. No answer text (it could name a person). */
function classify(status: number, body: any, scenario: Scenario): string | null {
  if (status !== 200) return `HTTP ${status}${body?.errors?.[0]?.extensions?.code ? ` ${body.errors[0].extensions.code}` : ''}`;
  if (Array.isArray(body?.errors) && body.errors.length > 0) {
    const codes = [...new Set(body.errors.map((e: any) => e?.extensions?.code ?? 'NO_CODE'))].sort();
    return `GraphQL ${codes.join(',')}`;
  }
  return scenario.check(body?.data) ? null : 'unexpected data';
}

export async function send(url: string, scenario: Scenario, n: number, timeoutMs: number): Promise<{ ms: number; error: string | null; data: any }> {
  const started = process.hrtime.bigint();
  let error: string | null;
  let data: any = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...scenario.headers },
      body: scenario.body(n),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: any = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    data = body?.data ?? null;
    error = classify(response.status, body, scenario);
  } catch (failure) {
    const name = (failure as Error).name;
    error =
      name === 'TimeoutError' || name === 'AbortError'
        ? `timeout ${timeoutMs} ms`
        : `connection: ${((failure as Error & { cause?: Error }).cause?.message ?? (failure as Error).message).slice(0, 80)}`;
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, error, data };
}

export function startLoad(options: LoadOptions): RunningLoad {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxInFlight = options.maxInFlight ?? 64;
  const outcomes: Outcome[] = [];
  const pending = new Set<Promise<void>>();
  const started = Date.now();
  let sent = 0;
  let skipped = 0;
  let stopped = false;
  const perScenario = new Map<Scenario, number>();
  const tick = () => {
    if (pending.size >= maxInFlight) {
      skipped++;
      return;
    }
    const scenario = options.scenarios[sent++ % options.scenarios.length];
    const n = perScenario.get(scenario) ?? 0;
    perScenario.set(scenario, n + 1);
    const at = Date.now() - started;
    const request = send(options.url, scenario, n, timeoutMs).then((result) => {
      const outcome: Outcome = { scenario: scenario.name, at, ms: result.ms, error: result.error };
      outcomes.push(outcome);
      options.onOutcome?.(outcome, result.data);
    });
    pending.add(request);
    void request.finally(() => pending.delete(request));
  };
  // A drift-free schedule: the n-th request goes at start + n / rate, whatever the timer's jitter.
  const intervalMs = 1000 / options.rate;
  let due = 0;
  const timer = setInterval(
    () => {
      const target = Math.floor((Date.now() - started) / intervalMs);
      while (!stopped && due < target) {
        due++;
        tick();
      }
    },
    Math.max(5, Math.min(50, intervalMs / 2)),
  );
  return {
    outcomes,
    get skipped() {
      return skipped;
    },
    inFlight: () => pending.size,
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
