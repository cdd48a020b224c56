import { historyResolver, type DepartmentHistory } from '@jiuye/common';
import { Household } from './household/household.type';
import { Worker } from './worker/worker.type';

/**
 * The civil department's change history in the graph (common/src/history.ts, history-read.ts): the
 * record kind of each table its Migration2026120711… captures, the columns whose values keep a
 * field rule of the record (besides the identifying columns every department shares), and the
 * tables left out. common/test/history.test.ts checks this list against the migrated database:
 * a table added without history (or without a kind here) fails it.
 */
export const civilHistory: DepartmentHistory = {
  records: {
    service_record: { kind: 'ServiceRecord' },
    person_circumstance: {
      kind: 'PersonCircumstance',
      fields: { left_behind: 'health', disability_kind: 'health', disability_grade: 'health', disability_certified_on: 'health' },
    },
    care_duty: { kind: 'CareDuty', fields: { reason: 'health', cared_for_name: 'health', since: 'health', until: 'health' } },
    assistance_grant: { kind: 'AssistanceGrant', fields: { kind: 'welfare', monthly_amount: 'welfare', starts_on: 'welfare', ends_on: 'welfare', stop_reason: 'welfare' } },
  },
  excluded: {
    import_run: 'the record of spreadsheet imports itself (common/src/import/store.ts): who imported which file, append-and-finish only',
    import_row: 'the per-line outcome of an import; the records it wrote keep their history here, with the run as detail',
  },
};

/** `Worker.civilHistory` and `Worker.civilRecordedAt`: changes to the person's records here. */
export const CivilWorkerHistoryResolver = historyResolver({
  type: () => Worker,
  department: 'civil',
  history: civilHistory,
  subject: (worker: { id: string }) => ({ workerId: worker.id }),
  recordedAt: true,
});

/** `Household.civilHistory`: changes to the records of the household (by its code). */
export const CivilHouseholdHistoryResolver = historyResolver({
  type: () => Household,
  department: 'civil',
  history: civilHistory,
  subject: (household: { code: string }) => ({ householdCode: household.code }),
});
