import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@jiuye/common';

/**
 * A sliding window per account: at most `perMinute` ID-number lookups in any 60 seconds. An
 * operation is charged whole or not at all; a refused one costs nothing. In memory: several
 * gateway instances would each allow the budget, unless this moves to a shared store (Redis, or
 * a table) — see the README.
 */
export class LookupBudget {
  private readonly charges = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Charges `count` lookups to the account; null when within budget, else the seconds until they would fit. */
  charge(account: string, count: number): { retryAfter: number; used: number } | null {
    if (count <= 0) return null;
    const now = this.now();
    const recent = (this.charges.get(account) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length + count > this.perMinute) {
      this.remember(account, recent);
      // One operation asking for more than the whole budget never fits; else, when enough of the oldest charges expire.
      const freeing = count > this.perMinute ? now : recent[recent.length + count - this.perMinute - 1];
      const retryAfter = count > this.perMinute ? Math.ceil(this.windowMs / 1000) : Math.max(1, Math.ceil((freeing + this.windowMs - now) / 1000));
      return { retryAfter, used: recent.length };
    }
    for (let i = 0; i < count; i++) recent.push(now);
    this.remember(account, recent);
    return null;
  }

  private remember(account: string, recent: number[]): void {
    if (recent.length) this.charges.set(account, recent);
    else this.charges.delete(account);
    // Forget accounts with nothing left in the window now and then, so the map does not grow for ever.
    if (this.charges.size > 10_000) {
      const cutoff = this.now() - this.windowMs;
      for (const [key, times] of this.charges) if (times[times.length - 1] <= cutoff) this.charges.delete(key);
    }
  }
}

export function rateLimited(count: number, budget: LookupBudget, refusal: { retryAfter: number; used: number }): GraphQLError {
  const message =
    count > budget.perMinute
      ? `this operation looks up ${count} people by ID number; an account may look up at most ${budget.perMinute} a minute`
      : `too many lookups by ID number: at most ${budget.perMinute} a minute per account (${refusal.used} in the last minute, this operation asks ${count}); retry after ${refusal.retryAfter} s`;
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED' satisfies ErrorCode,
      limit: 'idLookups',
      max: budget.perMinute,
      found: refusal.used + count,
      retryAfter: refusal.retryAfter,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(refusal.retryAfter)]]) },
    },
  });
}
