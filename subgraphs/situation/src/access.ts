import type { AccessRules, Subject } from '@jiuye/common';
import type { SituationPerson } from './person/situation-person.type';
import type { ZeroEmploymentHousehold } from './household/zero-employment';

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
  },
  fields: {
    'SituationPerson.idNumberMasked': 'id-number',
    'SituationPerson.idNumber': 'reveal',
    'SituationPerson.disabilityGrade': 'health',
    'SituationPerson.assistanceKinds': 'welfare',
  },
};
