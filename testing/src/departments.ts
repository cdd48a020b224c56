import { civilSubgraph } from '@jiuye/civil';
import { ensureDatabaseExists, migrate, openDatabase, type DepartmentName, type SubgraphModule } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { partnerSubgraph } from '@jiuye/partner';
import { povertySubgraph } from '@jiuye/poverty';
import { trainingSubgraph } from '@jiuye/training';
import { freshDatabaseUrl } from './harness';

export const DEPARTMENT_MODULES: Record<DepartmentName, SubgraphModule<any>> = {
  hr: hrSubgraph,
  poverty: povertySubgraph,
  civil: civilSubgraph,
  training: trainingSubgraph,
  partner: partnerSubgraph,
};

/** A fresh database of this department with every committed migration applied (no service started). */
export async function migratedDepartmentDatabase(department: DepartmentName): Promise<string> {
  const url = freshDatabaseUrl(department);
  await ensureDatabaseExists(url);
  const module = DEPARTMENT_MODULES[department];
  const database = await openDatabase({ url, entities: module.entities, migrations: module.migrations, poolSize: 1 });
  try {
    await migrate(database.orm);
  } finally {
    await database.close();
  }
  return url;
}
