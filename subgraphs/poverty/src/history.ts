import { historyResolver, type DepartmentHistory } from '@jiuye/common';
import { Household } from './household/household.type';
import { Worker } from './worker/worker.type';

/**
 * The poverty department's change history in the graph (common/src/history.ts, history-read.ts): the
 * record kind of each table its Migration2026120711… captures, the columns whose values keep a
 * field rule of the record (besides the identifying columns every department shares), and the
 * tables left out. common/test/history.test.ts checks this list against the migrated database:
 * a table added without history (or without a kind here) fails it.
 */
export const povertyHistory: DepartmentHistory = {
  records: {
    service_record: { kind: 'ServiceRecord' },
    household: { kind: 'Household', fields: { poverty_status: 'welfare', status_since: 'welfare', relocation_site_id: 'welfare' } },
    household_member: { kind: 'HouseholdMember', fields: { relationship: 'id-number' } },
    poverty_status_change: { kind: 'PovertyStatusChange', fields: { from_status: 'welfare', to_status: 'welfare', reason: 'welfare' } },
    household_responsibility: { kind: 'HouseholdResponsibility', fields: { cadre_id: 'welfare', unit_id: 'welfare' } },
    cadre: { kind: 'Cadre' },
    responsible_unit: { kind: 'ResponsibleUnit' },
    cadre_posting: { kind: 'CadrePosting' },
    unit_pairing: { kind: 'UnitPairing' },
    relocation_site: { kind: 'RelocationSite' },
    monitoring_case: { kind: 'MonitoringCase', fields: { risk_types: 'welfare', status_before: 'welfare', status_set: 'welfare', note: 'welfare', close_reason: 'welfare' } },
    monitoring_transition: { kind: 'MonitoringTransition', fields: { note: 'welfare' } },
    monitoring_measure: { kind: 'MonitoringMeasure', fields: { kind: 'welfare', note: 'welfare' } },
  },
  excluded: {
    import_run: 'the record of spreadsheet imports itself (common/src/import/store.ts): who imported which file, append-and-finish only',
    import_row: 'the per-line outcome of an import; the records it wrote keep their history here, with the run as detail',
  },
};

/** `Worker.povertyHistory` and `Worker.povertyRecordedAt`: changes to the person's records here. */
export const PovertyWorkerHistoryResolver = historyResolver({
  type: () => Worker,
  department: 'poverty',
  history: povertyHistory,
  subject: (worker: { id: string }) => ({ workerId: worker.id }),
  recordedAt: true,
});

/** `Household.povertyHistory`: changes to the records of the household (by its code). */
export const PovertyHouseholdHistoryResolver = historyResolver({
  type: () => Household,
  department: 'poverty',
  history: povertyHistory,
  subject: (household: { code: string }) => ({ householdCode: household.code }),
});
