import type { AccessRules, Subject } from '@jiuye/common';
import type { SituationPerson } from './person/situation-person.types';
import type { Responsibility, ZeroEmploymentHousehold } from './household/zero-employment.types';
import type { EarlyWarning } from './warning/warning.types';
import type { Conflict } from './conflict/conflict.types';
import type { RelapseCandidate } from './monitoring/relapse-candidates.types';
import type { Task } from './task/task.types';
import type { KnownPerson, UnregisteredLabourer } from './completeness/completeness.types';

/**
 * Who may see what in the cross-department views (common/src/auth/guard.ts applies these at
 * every field). The read model knows where every person lives, so each record is placed by its
 * village or household code and no authority needs to be asked. Person-level views are for
 * department staff of the region (resolveRegion refuses partner-city and institution accounts
 * and dashboards; partner cities get one worklist, their warnings); dashboards read only the
 * suppressed aggregates. Fields follow the same per-account rules as the departments.
 */
export const situationAccess: AccessRules = {
  subjects: {
    SituationPerson: (person: SituationPerson): Subject => ({ workerId: person.record.worker_id, place: person.record.village_code }),
    ZeroEmploymentHousehold: (household: ZeroEmploymentHousehold): Subject => ({ place: household.record.code }),
    // Who answers for a household, placed as the household (its cadre's phone follows the phone rule).
    Responsibility: (responsibility: Responsibility): Subject => ({ place: responsibility.record.code }),
    // Person warnings/conflicts by worker and village; household ones by household code (logged as the household).
    EarlyWarning: (warning: EarlyWarning): Subject =>
      warning.record.worker_id ? { workerId: warning.record.worker_id, place: warning.record.village_code } : { place: warning.record.household_code },
    // 防返贫监测候选: a household, placed by its code.
    RelapseCandidate: (candidate: RelapseCandidate): Subject => ({ place: candidate.record.code }),
    Conflict: (c: Conflict): Subject => (c.record.worker_id ? { workerId: c.record.worker_id, place: c.record.village_code } : { place: c.record.household_code }),
    // A task about a person by worker and village, about a household by its code (logged as the household).
    Task: (t: Task): Subject => (t.record.worker_id ? { workerId: t.record.worker_id, place: t.record.village_code } : { place: t.record.household_code ?? t.record.village_code }),
    // 应登尽登: people poverty or civil know, placed by where they live (logged by worker key, like registry workers).
    UnregisteredLabourer: (person: UnregisteredLabourer): Subject => ({ workerId: person.record.worker_id, place: person.record.village_code }),
    KnownPerson: (person: KnownPerson): Subject => ({ workerId: person.record.worker_id, place: person.record.village_code }),
  },
  fields: {
    'SituationPerson.disabilityGrade': 'health',
    'SituationPerson.assistanceKinds': 'welfare',
    // 一人一案: subsidy applications, welfare posts and rights cases of every department: department
    // staff of the region only (partner cities reach people here through their warnings).
    'SituationPerson.serviceTimeline': 'welfare',
    // The services that worked a task (Task.services): the same records, the same rule.
    'Task.services': 'welfare',
  },
  // The same rule per kind as in the departments (common/src/auth/identifying-fields.ts): a
  // partner city reads here what it reads of the worker in hr, no household code, no ID number.
  identifying: {
    'SituationPerson.idNumber': 'id-number',
    'SituationPerson.idNumberMasked': 'id-number-masked',
    'SituationPerson.sex': 'sex',
    'SituationPerson.age': 'age',
    'SituationPerson.villageCode': 'village',
    'SituationPerson.villageName': 'village',
    'SituationPerson.householdCode': 'household',
    'SituationPerson.household': 'household',
    'ZeroEmploymentHousehold.code': 'household',
    'ZeroEmploymentHousehold.household': 'household',
    'ZeroEmploymentHousehold.villageCode': 'village',
    'ZeroEmploymentHousehold.villageName': 'village',
    'Responsibility.cadrePhone': 'phone',
    'Responsibility.cadrePhoneMasked': 'phone-masked',
    'EarlyWarning.householdCode': 'household',
    'EarlyWarning.villageCode': 'village',
    'EarlyWarning.villageName': 'village',
    'RelapseCandidate.householdCode': 'household',
    'RelapseCandidate.household': 'household',
    'RelapseCandidate.villageCode': 'village',
    'RelapseCandidate.villageName': 'village',
    'Conflict.householdCode': 'household',
    'Conflict.villageCode': 'village',
    'Conflict.villageName': 'village',
    'UnregisteredLabourer.idNumber': 'id-number',
    'UnregisteredLabourer.idNumberMasked': 'id-number-masked',
    'UnregisteredLabourer.sex': 'sex',
    'UnregisteredLabourer.age': 'age',
    'UnregisteredLabourer.householdCode': 'household',
    'UnregisteredLabourer.household': 'household',
    'UnregisteredLabourer.villageCode': 'village',
    'UnregisteredLabourer.villageName': 'village',
    'KnownPerson.idNumber': 'id-number',
    'KnownPerson.idNumberMasked': 'id-number-masked',
    'KnownPerson.sex': 'sex',
    'KnownPerson.age': 'age',
    'KnownPerson.householdCode': 'household',
    'KnownPerson.villageCode': 'village',
    'KnownPerson.villageName': 'village',
    'Task.subject': 'household',
    'Task.householdCode': 'household',
    'Task.villageCode': 'village',
    'Task.villageName': 'village',
  },
};
