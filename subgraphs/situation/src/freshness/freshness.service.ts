import { DEPARTMENT_LABELS, DEPARTMENT_NAMES } from '@jiuye/common';
import type { Sql } from '../db';
import type { Freshness } from './freshness.types';

interface StateRow {
  department: string;
  checked_at: Date | null;
  oldest_pending_at: Date | null;
  rebuilt_at: Date | null;
  now: Date;
}

/** Read per request from source_state, which the change feed updates after every cycle. */
export async function readFreshness(sql: Sql): Promise<Freshness> {
  const rows = await sql.rows<StateRow>('select department, checked_at, oldest_pending_at, rebuilt_at, now() as now from source_state');
  const now = (await sql.one<{ now: Date }>('select now() as now'))!.now;
  const byDepartment = new Map(rows.map((row) => [row.department, row]));
  const departments = DEPARTMENT_NAMES.map((department) => {
    const row = byDepartment.get(department);
    const asOf = row ? (row.oldest_pending_at ?? row.checked_at) : null;
    return {
      department,
      label: DEPARTMENT_LABELS[department],
      asOf,
      lagSeconds: asOf ? Math.max(0, (now.getTime() - asOf.getTime()) / 1000) : null,
      rebuiltAt: row?.rebuilt_at ?? null,
    };
  });
  const known = departments.filter((d) => d.asOf !== null);
  const oldest = known.length === departments.length ? known.reduce((a, b) => (a.asOf! < b.asOf! ? a : b)) : null;
  return { asOf: oldest?.asOf ?? null, lagSeconds: oldest?.lagSeconds ?? null, departments };
}
