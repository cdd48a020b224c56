import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphConfig } from '@jiuye/common';
import { sqlOf, type Sql } from './db';
import { loadHouseholdMembers } from './household/zero-employment';
import type { PersonRecord } from './person/situation-person.type';

export interface DivisionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** Per request: the SQL handle on the request's connection pool and batched lookups. */
export interface SituationLoaders {
  sql: Sql;
  division: DataLoader<string, DivisionRow | null>;
  householdMembers: DataLoader<string, PersonRecord[]>;
}

export function createLoaders(em: EntityManager, _config: SubgraphConfig): SituationLoaders {
  const sql = sqlOf(em);
  return {
    sql,
    division: new DataLoader(async (codes) => {
      const rows = await sql.rows<DivisionRow>('select code, name, level, parent_code from division where code = any($1::text[])', [codes]);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    householdMembers: new DataLoader((codes) => loadHouseholdMembers(sql, codes)),
  };
}
