import { importEndpoint, type ImportKind } from '@jiuye/common';
import { authorizeWorkerWrite } from '../access';
import type { HrContext } from '../context';
import type { HrLoaders } from '../loaders';
import { OUT_OF_PROVINCE_COLUMNS, outOfProvinceImportKind } from './out-of-province-import';
import { WORKER_COLUMNS, workerImportKind } from './worker-import';

/**
 * hr's spreadsheet imports (POST /imports/<kind>, behind the gateway's /imports/hr/<kind>).
 * workers: 劳动力实名登记 — registrations and monthly verifications, for hr officers within
 * their region, as registerWorker and updateSixClarities are.
 * out-of-province: 省外务工贫困劳动力名单 — 省外转移 employments, as recordEmploymentStart.
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
    'out-of-province': {
      build(context: HrContext) {
        // recordEmploymentStart's checks (authorizeWorkerWrite); the worker's scope is decided row by row.
        const inScope = authorizeWorkerWrite(context, 'employment records');
        return outOfProvinceImportKind({ pseudonymKey: context.config.pseudonymKey, inScope }) as unknown as ImportKind<string, unknown>;
      },
      fields: ['Worker.idNumber', 'Worker.name', ...OUT_OF_PROVINCE_COLUMNS.filter((c) => !['seq', 'name', 'idNumber'].includes(c.key)).map((c) => `Employment.${c.key}`)],
    },
  },
  { department: 'hr' },
);
