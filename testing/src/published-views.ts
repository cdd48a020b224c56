import { Client } from 'pg';
import { SITUATION_SOURCE_SCHEMA, type DepartmentName, type PublishedViews } from '@jiuye/common';
import { migratedDepartmentDatabase } from './departments';

/** The views of the published schema in a database, with their columns as PostgreSQL types them. */
export async function publishedViewsIn(url: string, schema = SITUATION_SOURCE_SCHEMA): Promise<Record<string, Record<string, string>>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ view: string; column: string; type: string }>(
      `select c.relname as view, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = $1 and c.relkind = 'v' order by c.relname, a.attnum`,
      [schema],
    );
    const views: Record<string, Record<string, string>> = {};
    for (const row of rows) (views[row.view] ??= {})[row.column] = row.type;
    return views;
  } finally {
    await client.end();
  }
}

/** Every way the database differs from the declared contract, one line per view or column. */
export function contractDifferences(contract: PublishedViews, found: Record<string, Record<string, string>>, schema = SITUATION_SOURCE_SCHEMA): string[] {
  const out: string[] = [];
  for (const [view, columns] of Object.entries(contract)) {
    const have = found[view];
    if (!have) {
      out.push(`${schema}.${view}: the view is missing`);
      continue;
    }
    for (const [column, type] of columns) {
      if (!(column in have)) out.push(`${schema}.${view}.${column}: the column is missing (the read model reads it as ${type})`);
      else if (have[column] !== type) out.push(`${schema}.${view}.${column}: is ${have[column]}, the contract says ${type}`);
    }
    const declared = new Set(columns.map(([column]) => column));
    for (const column of Object.keys(have)) if (!declared.has(column)) out.push(`${schema}.${view}.${column}: not in the contract (declare it, or leave it out of the view)`);
  }
  for (const view of Object.keys(found)) if (!(view in contract)) out.push(`${schema}.${view}: a view not in the contract`);
  return out;
}

/**
 * The department's test of its published views: its migrated database holds exactly the declared
 * views and columns, with the declared types.
 */
export function describePublishedViews(department: DepartmentName, contract: PublishedViews): void {
  describe(`${department} publishes ${SITUATION_SOURCE_SCHEMA} as declared (the situation read model's contract)`, () => {
    let url: string;
    beforeAll(async () => {
      url = await migratedDepartmentDatabase(department);
    });

    it('every view and column the read model reads, with its type, and nothing else', async () => {
      expect(contractDifferences(contract, await publishedViewsIn(url))).toEqual([]);
    });

    it('names the view and the column when one changes', () => {
      const [view, columns] = Object.entries(contract)[0];
      const [column, type] = columns[0];
      const changed = { ...Object.fromEntries(Object.entries(contract).map(([v, cs]) => [v, Object.fromEntries(cs)])) };
      changed[view] = { ...changed[view], [column]: type === 'text' ? 'integer' : 'text' };
      expect(contractDifferences(contract, changed)).toEqual([expect.stringContaining(`${SITUATION_SOURCE_SCHEMA}.${view}.${column}: is `)]);
    });
  });
}
