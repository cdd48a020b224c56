import type { Gauge } from 'prom-client';

/** A connection pool's use at scrape time: connections lent out, idle in the pool, callers waiting for one. */
export interface PoolUse {
  used: number;
  idle: number;
  waiting: number;
  max: number;
}

/** node-postgres' pool (the gateway's access log, the read model's feed). */
export function pgPoolUse(pool: { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } }): PoolUse {
  return { used: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 0 };
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** The pool under MikroORM's knex connection (tarn); null before knex made it. */
export function knexPoolUse(knex: unknown): PoolUse | null {
  const pool = (knex as { client?: { pool?: TarnPool } } | undefined)?.client?.pool;
  if (!pool || typeof pool.numUsed !== 'function') return null;
  return { used: pool.numUsed(), idle: pool.numFree(), waiting: pool.numPendingAcquires(), max: pool.max };
}

/** Sets the pool gauges of one named pool (labels pool, state). */
export function setPoolGauges(connections: Gauge<'pool' | 'state'>, max: Gauge<'pool'>, pool: string, use: PoolUse | null): void {
  if (!use) return;
  connections.set({ pool, state: 'used' }, use.used);
  connections.set({ pool, state: 'idle' }, use.idle);
  connections.set({ pool, state: 'waiting' }, use.waiting);
  max.set({ pool }, use.max);
}
