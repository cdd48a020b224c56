import { DEPARTMENT_NAMES, pgPoolUse, type ServiceMetrics } from '@jiuye/common';
import type { ChangeFeed } from './feed';

/**
 * The read model's freshness per department, as the change feed knows it: lag is the seconds
 * since the oldest outbox row still waiting or, with none waiting, since the last cycle that
 * committed (the same "as of" the freshness query answers); a department whose database does not
 * answer keeps its last state, so its lag grows until it is back. Depth is the outbox rows left
 * after that cycle. Departments only as labels: nothing about a person.
 */
export function registerFeedMetrics(metrics: ServiceMetrics, feed: ChangeFeed): void {
  metrics.gauge(
    'read_model_lag_seconds',
    'Seconds the read model may be behind each department (oldest outbox row not applied, else the last committed feed cycle)',
    ['department'],
    (set) => {
      const now = Date.now();
      for (const [department, state] of feed.state) set({ department }, Math.max(0, (now - (state.oldestPendingAt ?? state.checkedAt).getTime()) / 1000));
    },
  );
  // The feed's connections to each department's database (outbox and published views).
  for (const department of DEPARTMENT_NAMES) metrics.watchPool(`feed_${department}`, () => pgPoolUse(feed.sources[department]));
  metrics.gauge(
    'read_model_source_unreachable',
    "1 for a department whose database the feed's last cycle could not reach: the read model waits for it (re-projection needs all five), whatever every department's lag says",
    ['department'],
    (set) => {
      for (const department of DEPARTMENT_NAMES) set({ department }, feed.unreachable.has(department) ? 1 : 0);
    },
  );
  metrics.gauge('outbox_depth', "Rows in each department's outbox not yet applied to the read model (after the last committed feed cycle)", ['department'], (set) => {
    for (const [department, state] of feed.state) set({ department }, state.pending);
  });
}
