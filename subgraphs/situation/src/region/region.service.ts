import { badInput, isValidDivisionCode, notFound, type AccessControl } from '@jiuye/common';
import DataLoader from 'dataloader';
import type { Sql } from '../db';
import type { DivisionRow, Region } from './region.types';

/** Divisions by code, batched per request (the request's `division` loader). */
export function divisionLoader(sql: Sql): DataLoader<string, DivisionRow | null> {
  return new DataLoader(async (codes) => {
    const rows = await sql.rows<DivisionRow>('select code, name, level, parent_code from division where code = any($1::text[])', [codes]);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

/**
 * The region a view is asked for: a well-formed division code, inside the caller's region
 * (omitted → the caller's whole region) and known to the registry. `person` views need a
 * person-level account (access.scopeDivision); aggregates only a region (access.scopeAggregate).
 */
export async function resolveRegion(
  loaders: { division: DataLoader<string, DivisionRow | null> },
  access: AccessControl,
  requested: string | null | undefined,
  kind: 'person' | 'aggregate',
  argument = 'region',
): Promise<Region> {
  if (requested != null && requested !== '' && !isValidDivisionCode(requested)) {
    throw badInput(argument, 'expected a division code of 2, 4, 6, 9 or 12 digits (province, city, county, township, village)', 'DIVISION_CODE');
  }
  const code = kind === 'person' ? access.scopeDivision(requested, argument) : access.scopeAggregate(requested, argument);
  const division = await loaders.division.load(code);
  if (division) return { code, name: division.name, level: division.level };
  // Wider than the county the registry holds (a province or city account): known by prefix.
  if (code.length < 6) return { code, name: code, level: code.length === 2 ? 'PROVINCE' : 'CITY' };
  throw notFound(`region ${code}`, argument);
}

/**
 * Every village the registry knows (division, level VILLAGE): the units of the one hierarchy
 * every suppressed figure is decided over (common/src/suppression.ts RegionTree), so two views
 * that publish the same cell build the same table and withhold it alike.
 */
export async function registryVillages(sql: Sql): Promise<string[]> {
  const rows = await sql.rows<{ code: string }>(`select code from division where level = 'VILLAGE'`, []);
  return rows.map((row) => row.code);
}

/** The divisions directly under a region (the registry's division table), in code order. */
export async function childRegions(sql: Sql, region: Region): Promise<Region[]> {
  return sql.rows<Region>('select code, name, level from division where parent_code = $1 order by code', [region.code]);
}
