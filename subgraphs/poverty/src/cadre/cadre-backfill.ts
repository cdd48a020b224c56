/**
 * Postings and pairings read off the household responsibilities: a cadre served (and a unit was
 * paired with) the village of every household it answered for, from the first responsibility
 * there to the last, open while one is. Used once by the migration that introduced them and by
 * the demo seeder after its last batch (the seeder writes responsibilities, not postings).
 */
export const POSTINGS_FROM_RESPONSIBILITIES_SQL = `insert into "cadre_posting" ("cadre_id", "village_code", "since", "until")
  select r.cadre_id, left(r.household_code, 12), min(r.since), case when bool_or(r.until is null) then null else max(r.until) end
    from "household_responsibility" r
   where not exists (select 1 from "cadre_posting" p where p.cadre_id = r.cadre_id and p.village_code = left(r.household_code, 12))
   group by r.cadre_id, left(r.household_code, 12);`;

export const PAIRINGS_FROM_RESPONSIBILITIES_SQL = `insert into "unit_pairing" ("unit_id", "village_code", "since", "until")
  select r.unit_id, left(r.household_code, 12), min(r.since), case when bool_or(r.until is null) then null else max(r.until) end
    from "household_responsibility" r
   where not exists (select 1 from "unit_pairing" p where p.unit_id = r.unit_id and p.village_code = left(r.household_code, 12))
   group by r.unit_id, left(r.household_code, 12);`;

/** A unit's region: the county of its villages (the smallest of them, for a unit paired across counties). */
export const UNIT_REGIONS_FROM_PAIRINGS_SQL = `update "responsible_unit" u set "region_code" = p.county
    from (select unit_id, min(left(village_code, 6)) as county from "unit_pairing" group by unit_id) p
   where p.unit_id = u.id and u.region_code is null;`;
