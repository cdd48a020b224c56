import { ACCESS_LOG_SERVICE, INTERNAL_IDENTITY_HEADER, serviceUrl, signInternalIdentity, WORKER_VILLAGES_PATH } from '@jiuye/common';
import type { VillageResolver } from './access-log';

/**
 * The residence authority (hr) for the access log: the villages of workers a department read
 * without placing them (partner cities, training institutions), in one signed call per group
 * of entries. Signed as the gateway's access-log identity, the only one hr's route answers.
 */
export function residenceAuthority(hrUrl: () => string | undefined, signingKey: string, timeoutMs: number): VillageResolver {
  return async (workerIds, requestId) => {
    const url = hrUrl();
    if (!url) throw new Error('no hr subgraph to place access-log entries');
    const token = await signInternalIdentity({ ...ACCESS_LOG_SERVICE, permissions: [], requestId }, signingKey);
    const response = await fetch(serviceUrl(url, WORKER_VILLAGES_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_IDENTITY_HEADER]: token, 'x-request-id': requestId },
      body: JSON.stringify({ workerIds }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`hr answered the village lookup with HTTP ${response.status}`);
    const body = (await response.json()) as { villages?: Record<string, unknown> };
    const villages = new Map<string, string>();
    for (const [id, code] of Object.entries(body.villages ?? {})) if (typeof code === 'string') villages.set(id, code);
    return villages;
  };
}
