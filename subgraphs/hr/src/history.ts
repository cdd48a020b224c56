import { historyResolver, type DepartmentHistory } from '@jiuye/common';
import { Household } from './household/household.type';
import { Worker } from './worker/worker.type';

/**
 * The hr department's change history in the graph (common/src/history.ts, history-read.ts): the
 * record kind of each table its Migration2026120711… captures, the columns whose values keep a
 * field rule of the record (besides the identifying columns every department shares), and the
 * tables left out. common/test/history.test.ts checks this list against the migrated database:
 * a table added without history (or without a kind here) fails it.
 */
export const hrHistory: DepartmentHistory = {
  records: {
    service_record: { kind: 'ServiceRecord' },
    worker: { kind: 'Worker' },
    employment: { kind: 'Employment' },
    subsidy_payment: { kind: 'SubsidyPayment', fields: { kind: 'welfare', amount: 'welfare', paid_on: 'welfare' } },
    record_verification: { kind: 'RecordVerification' },
    job_fair_intention: { kind: 'JobFairIntention' },
    welfare_post_assignment: { kind: 'WelfarePostAssignment' },
    welfare_post: { kind: 'WelfarePost' },
    employer: { kind: 'Employer' },
    job_posting: { kind: 'JobPosting' },
    job_fair: { kind: 'JobFair' },
    job_fair_employer: { kind: 'JobFairEmployer' },
    job_fair_posting: { kind: 'JobFairPosting' },
  },
  excluded: {
    division: 'the statistical division catalogue, loaded from the national codes (not kept by staff)',
    import_run: 'the record of spreadsheet imports itself (common/src/import/store.ts): who imported which file, append-and-finish only',
    import_row: 'the per-line outcome of an import; the records it wrote keep their history here, with the run as detail',
  },
};

/** `Worker.hrHistory` and `Worker.hrRecordedAt`: changes to the person's records here. */
export const HrWorkerHistoryResolver = historyResolver({
  type: () => Worker,
  department: 'hr',
  history: hrHistory,
  subject: (worker: { id: string }) => ({ workerId: worker.id }),
  recordedAt: true,
});

/** `Household.hrHistory`: its members' registry records (registrations, moves in and out, the six clarities). */
export const HrHouseholdHistoryResolver = historyResolver({
  type: () => Household,
  department: 'hr',
  history: hrHistory,
  subject: (household: { code: string }) => ({ householdCode: household.code }),
});
