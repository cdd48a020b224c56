import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '@jiuye/common';

/** Answered whatever the load: the orchestrator's probes and the metrics scrape must see an overloaded gateway. */
export const EXEMPT_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** What a shed request is told to wait before it tries again (the Retry-After header, in seconds). */
export const RETRY_AFTER_SECONDS = 1;

const OVERLOADED: ErrorCode = 'OVERLOADED';

/**
 * Load shedding: at most `max` requests in flight (GATEWAY_MAX_IN_FLIGHT); one more is answered
 * at once with 503 and Retry-After, before its body is read, instead of joining an unbounded
 * queue of parsed queries, plans and departments' answers that would grow the heap until the
 * process falls over. A request counts from its arrival until its response is finished or its
 * connection closes (a client that gives up frees its place). /health, /ready and /metrics
 * never count and are never shed.
 */
export class InFlightLimit {
  private current = 0;
  private shedTotal = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`GATEWAY_MAX_IN_FLIGHT: expected a positive whole number, got ${max}`);
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.current;
  }

  /** Requests answered 503 since the start. */
  get shed(): number {
    return this.shedTotal;
  }

  /** The HTTP front's hook: true when it answered the request (shed), false to let it through (and count it). */
  admit(_request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    if (EXEMPT_PATHS.has(url.pathname)) return false;
    if (this.current >= this.max) {
      this.shedTotal++;
      response.statusCode = 503;
      response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(
        JSON.stringify({
          errors: [
            {
              message: `the gateway is answering as many requests as it can; try again in ${RETRY_AFTER_SECONDS} s`,
              extensions: { code: OVERLOADED, retryAfter: RETRY_AFTER_SECONDS },
            },
          ],
        }),
      );
      return true;
    }
    this.current++;
    let released = false;
    response.once('close', () => {
      if (released) return;
      released = true;
      this.current--;
    });
    return false;
  }
}
