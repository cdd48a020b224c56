import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderRequest, SubgraphConfig } from '@jiuye/common';
import { sqlOf, type Sql } from './db';
import { sqlAsOf, type AsOf } from './history/as-of';
import { loadHouseholdMembers } from './household/zero-employment.service';
import type { PersonRecord } from './person/situation-person.types';
import { divisionLoader } from './region/region.service';
import type { DivisionRow } from './region/region.types';
import { lastServiceDays } from './service/service.service';

export type { DivisionRow } from './region/region.types';

/**
 * Per request: the SQL handle on the request's connection pool and batched lookups. The
 * lookups live with their views (region/, household/ services); this module only assembles
 * them, and nothing it imports imports it back (only resolvers, through context.ts, use it).
 */
export interface SituationLoaders {
  sql: Sql;
  division: DataLoader<string, DivisionRow | null>;
  householdMembers: DataLoader<string, PersonRecord[]>;
  /** The same lookup over the read model as of an instant (one loader per instant and request). */
  householdMembersAsOf(asOf: AsOf): DataLoader<string, PersonRecord[]>;
  /** The day of a worker's latest service (一人一案), batched over a roster page. */
  lastServiceOn: DataLoader<string, string | null>;
}

export function createLoaders(em: EntityManager, _config: SubgraphConfig, request?: LoaderRequest): SituationLoaders {
  // A GraphQL query reads from the read replica when there is one (SITUATION_READ_DATABASE_URL).
  const sql = sqlOf(em, request ? () => request.readOnly() : undefined);
  const membersAsOf = new Map<string, DataLoader<string, PersonRecord[]>>();
  return {
    sql,
    division: divisionLoader(sql),
    householdMembers: new DataLoader((codes) => loadHouseholdMembers(sql, codes)),
    lastServiceOn: new DataLoader((ids) => lastServiceDays(sql, ids)),
    householdMembersAsOf(asOf) {
      let loader = membersAsOf.get(asOf.instant);
      if (!loader) membersAsOf.set(asOf.instant, (loader = new DataLoader((codes) => loadHouseholdMembers(sqlAsOf(sql, asOf), codes))));
      return loader;
    },
  };
}
