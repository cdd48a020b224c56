import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, TradeVocabulary, type Trade } from '@jiuye/common';
import { Certificate } from './certificate.entity';

const TRADE_ORDER = new Map<string, number>(TradeVocabulary.values.map((trade, index) => [trade, index]));

export function createCertificateLoaders(em: EntityManager) {
  return {
    /** worker id → certificates, newest first; one query per batch of workers. */
    certificatesByWorker: manyLoader<string, Certificate>(
      (ids) => em.find(Certificate, { workerId: { $in: [...ids] } }, { orderBy: { issuedOn: 'desc', id: 'desc' } }),
      (certificate) => certificate.workerId,
    ),
    /**
     * worker id → distinct certified trades, in vocabulary order. One `select distinct` per batch
     * of workers, answered from the (worker_id, trade) index: hr @requires this field for every
     * worker it matches against job postings.
     */
    certifiedTradesByWorker: manyLoader<string, { workerId: string; trade: Trade }>(
      async (ids) => {
        const rows: { worker_id: string; trade: Trade }[] = await em
          .getConnection()
          .execute(`select distinct worker_id, trade from certificate where worker_id in (?)`, [[...ids]]);
        return rows.map((row) => ({ workerId: row.worker_id, trade: row.trade })).sort((a, b) => (TRADE_ORDER.get(a.trade) ?? 99) - (TRADE_ORDER.get(b.trade) ?? 99));
      },
      (row) => row.workerId,
    ),
  };
}
