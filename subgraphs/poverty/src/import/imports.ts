import { importEndpoint, type ImportKind } from '@jiuye/common';
import type { PovertyContext } from '../context';
import type { PovertyLoaders } from '../loaders';
import { householdImportKind } from './household-import';

/**
 * poverty's spreadsheet imports (POST /imports/<kind>, behind the gateway's /imports/poverty/<kind>).
 * households: 建档立卡贫困户名单 — a household and its members per 户编号, as registerHousehold and
 * addHouseholdMember, for poverty officers within their region.
 */
export const povertyImports = importEndpoint<PovertyLoaders>(
  {
    households: {
      build(context: PovertyContext) {
        // registerHousehold's department and purpose checks (authorizeHouseholdWrite); the household's scope is decided household by household.
        context.access.requireDepartment('poverty', 'registered households');
        return householdImportKind({ pseudonymKey: context.config.pseudonymKey, canSee: (subject) => context.access.canSee(subject) }) as unknown as ImportKind<string, unknown>;
      },
      fields: ['HouseholdMember.idNumber', 'HouseholdMember.name', 'HouseholdMember.relationship', 'Household.povertyStatus', 'Household.registeredYear'],
    },
  },
  { department: 'poverty' },
);
