import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader } from '@jiuye/common';
import { TransferBatch } from './transfer-batch.entity';

export function createTransferBatchLoaders(em: EntityManager) {
  return {
    batchById: oneLoader<number, TransferBatch>(
      (ids) => em.find(TransferBatch, { id: { $in: [...ids] } }),
      (batch) => batch.id,
    ),
    /** A city's batches, latest departure first. */
    batchesByCity: manyLoader<string, TransferBatch>(
      (codes) => em.find(TransferBatch, { cityCode: { $in: [...codes] } }, { orderBy: { departedOn: 'desc', id: 'desc' } }),
      (batch) => batch.cityCode,
    ),
  };
}
