/**
 * GraphQL types that describe a named person or household, across all departments. The
 * gateway refuses operations that select any of them without a declared purpose (and refuses
 * them to dashboards and auditors) before a department is called; each department enforces
 * the same again, per record (its access.ts). tests/security.test.ts checks that every type a
 * department guards is listed here.
 */
export const PERSONAL_TYPES: ReadonlySet<string> = new Set([
  'Worker',
  'Household',
  // hr
  'Employment',
  'SubsidyPayment',
  'WelfarePostAssignment',
  'JobFairIntention',
  'RecordVerification',
  // poverty
  'HouseholdMember',
  'PovertyStatusChange',
  'HouseholdResponsibility',
  'MonitoringCase',
  'MonitoringTransition',
  'MonitoringMeasure',
  // civil
  'AssistanceGrant',
  'Disability',
  'CareDuty',
  // partner
  'Transfer',
  'FollowUpVisit',
  'ContactAttempt',
  'PhoneReveal',
  // training
  'Enrolment',
  'Certificate',
  // every department: a person's or household's change history (common/src/history-read.ts)
  'ChangeHistoryEntry',
  // every department: 一人一案 service records (common/src/service-record), and their timeline in situation
  'ServiceRecord',
  'ServiceTimelineEntry',
  // situation (the cross-department read model)
  'SituationPerson',
  'ZeroEmploymentHousehold',
  'Responsibility',
  'EarlyWarning',
  'Conflict',
  'RelapseCandidate',
  // 应登尽登: people known to poverty or civil and not (or not only) to hr's registry
  'UnregisteredLabourer',
  'KnownPerson',
  // situation's tasks (a zero-employment household, a warning or a conflict assigned to an account)
  'Task',
]);
