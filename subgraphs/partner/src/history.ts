import { historyResolver, type DepartmentHistory } from '@jiuye/common';
import { Worker } from './worker/worker.type';

/**
 * The partner department's change history in the graph (common/src/history.ts, history-read.ts): the
 * record kind of each table its Migration2026120711… captures, the columns whose values keep a
 * field rule of the record (besides the identifying columns every department shares), and the
 * tables left out. common/test/history.test.ts checks this list against the migrated database:
 * a table added without history (or without a kind here) fails it.
 */
export const partnerHistory: DepartmentHistory = {
  records: {
    service_record: { kind: 'ServiceRecord' },
    transfer: { kind: 'Transfer' },
    contact_attempt: { kind: 'ContactAttempt' },
    transfer_referral: { kind: 'TransferReferral' },
    follow_up_visit: { kind: 'FollowUpVisit' },
    transfer_batch: { kind: 'TransferBatch' },
    partner_city: { kind: 'PartnerCity' },
    labour_base: { kind: 'LabourBase' },
    partner_job_posting: { kind: 'PartnerJobPosting' },
  },
  excluded: {
    import_run: 'the record of spreadsheet imports itself (common/src/import/store.ts): who imported which file, append-and-finish only',
    import_row: 'the per-line outcome of an import; the records it wrote keep their history here, with the run as detail',
  },
};

/** `Worker.partnerHistory` and `Worker.partnerRecordedAt`: changes to the person's records here. */
export const PartnerWorkerHistoryResolver = historyResolver({
  type: () => Worker,
  department: 'partner',
  history: partnerHistory,
  subject: (worker: { id: string }) => ({ workerId: worker.id }),
  recordedAt: true,
});
