import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, type SubgraphConfig } from '@jiuye/common';
import type { RecordVerification } from './verification.entity';
import { VerificationService, type VerificationsKey } from './verification.service';

const keyText = (key: VerificationsKey) => `${key.first}:${key.workerId}`;

export function createVerificationLoaders(em: EntityManager, config: SubgraphConfig) {
  /** Keyed by "first:workerId"; one statement per batch and distinct `first`. */
  const latest = manyLoader<string, { key: string; verification: RecordVerification }>(
    async (texts) => {
      const keys = texts.map((text) => {
        const at = text.indexOf(':');
        return { first: Number(text.slice(0, at)), workerId: text.slice(at + 1) };
      });
      const rows = await new VerificationService(em, config.pseudonymKey).latest(keys);
      return rows.map(({ key, verification }) => ({ key: keyText(key), verification }));
    },
    (row) => row.key,
  );
  return {
    verificationsByWorker: {
      /** worker → their latest `first` verifications, newest first. */
      load: async (workerId: string, first: number): Promise<RecordVerification[]> => (await latest.load(keyText({ workerId, first }))).map((row) => row.verification),
      /** After a write: later reads in the same request see the new row. */
      clearAll: () => {
        latest.clearAll();
      },
    },
  };
}
