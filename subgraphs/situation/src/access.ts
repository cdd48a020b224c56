import type { AccessRules, Subject } from '@jiuye/common';
import type { SituationPerson } from './person/situation-person.type';
import type { ZeroEmploymentHousehold } from './household/zero-employment';
import type { EarlyWarning } from './warning/warning.types';
import type { Conflict } from './conflict/conflict.types';

/**
 * Who may see what in the cross-department views (common/src/auth/guard.ts applies these at
 * every field). The read model knows where every person lives, so each record is placed by its
 * village or household code and no authority needs to be asked. Person-level views are for
 * department staff of the region (resolveRegion refuses partner-city and institution accounts
 * and dashboards); dashboards read only the suppressed aggregates.
 */
export const situationAccess: AccessRules = {
  subjects: {
    SituationPerson: (person: SituationPerson): Subject => ({ workerId: person.record.worker_id, place: person.record.village_code }),
    ZeroEmploymentHousehold: (household: ZeroEmploymentHousehold): Subject => ({ place: household.record.code }),
    // Person warnings/conflicts by worker and village; household ones by household code (logged as the household).
    EarlyWarning: (warning: EarlyWarning): Subject =>
      warning.record.worker_id ? { workerId: warning.record.worker_id, place: warning.record.village_code } : { place: warning.record.household_code },
    Conflict: (c: Conflict): Subject => (c.record.worker_id ? { workerId: c.record.worker_id, place: c.record.village_code } : { place: c.record.household_code }),
  },
  fields: {
    'SituationPerson.idNumberMasked': 'id-number',
    'SituationPerson.idNumber': 'reveal',
    'SituationPerson.disabilityGrade': 'health',
    'SituationPerson.assistanceKinds': 'welfare',
  },
};
