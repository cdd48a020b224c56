import { ACCESS_LOG_SERVICE, badInput, forbidden } from '@jiuye/common';
import type { HrContext } from '../context';

const MAX_WORKERS = 5000;

/**
 * POST /internal/worker-villages — where registered workers live (户籍村), for the gateway's
 * access log alone: a partner city or a training institution reports what it read without a
 * village (it does not know one), and the entry would stay invisible to the region staff who
 * answer for that person. Answers only the gateway's access-log identity; unknown pseudonyms
 * are left out. One statement for the whole list (the workerById loader).
 */
export async function workerVillages(context: HrContext, body: unknown): Promise<{ villages: Record<string, string> }> {
  const { identity } = context;
  if (identity.subject !== ACCESS_LOG_SERVICE.subject || identity.department !== ACCESS_LOG_SERVICE.department) {
    throw forbidden("villages of workers are for the gateway's access log only", 'access-log-only');
  }
  const workerIds = (body as { workerIds?: unknown } | null)?.workerIds;
  if (!Array.isArray(workerIds) || workerIds.length > MAX_WORKERS || !workerIds.every((id) => typeof id === 'string' && id.length <= 64)) {
    throw badInput('workerIds', `expected up to ${MAX_WORKERS} worker ids`);
  }
  const records = await context.loaders.workerById.loadMany(workerIds as string[]);
  const villages: Record<string, string> = {};
  for (const record of records) if (record && !(record instanceof Error)) villages[record.id] = record.villageCode;
  return { villages };
}
