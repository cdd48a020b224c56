import DataLoader from 'dataloader';

/**
 * Batches collect every load of one event-loop turn (setImmediate), not only those of one
 * microtask tick: resolvers that await other loaders first still land in the same batch, so
 * the statement count of a request does not depend on timing.
 */
const BATCH_OPTIONS = { maxBatchSize: 1000, batchScheduleFn: (callback: () => void) => setImmediate(callback) };

/**
 * DataLoader helpers: one SQL statement per batch of parents, results put back in key order.
 * Keys are strings or numbers; missing keys resolve to null (or [] for one-to-many).
 */
export function oneLoader<K extends string | number, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  }, BATCH_OPTIONS);
}

export function manyLoader<K extends string | number, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  }, BATCH_OPTIONS);
}
