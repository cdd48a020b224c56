import { importEndpoint, type ImportKind } from '@jiuye/common';
import { authorizeWorkerWrite } from '../access';
import type { HrContext } from '../context';
import type { HrLoaders } from '../loaders';
import { WORKER_COLUMNS, workerImportKind } from './worker-import';

/**
 * hr's spreadsheet imports (POST /imports/<kind>, behind the gateway's /imports/hr/<kind>).
 * workers: 劳动力实名登记 — registrations and monthly verifications, for hr officers within
 * their region, as registerWorker and updateSixClarities are.
 */
export const hrImports = importEndpoint<HrLoaders>(
  {
    workers: {
      build(context: HrContext) {
        authorizeWorkerWrite(context, 'the labour registry');
        return workerImportKind({ pseudonymKey: context.config.pseudonymKey, canSee: (subject) => context.access.canSee(subject) }) as unknown as ImportKind<string, unknown>;
      },
      fields: WORKER_COLUMNS.filter((c) => c.key !== 'seq').map((c) => `Worker.${c.key}`),
    },
  },
  { department: 'hr' },
);
