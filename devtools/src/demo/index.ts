/**
 * The demo county (东川区, 云南省昆明市): a deterministic, streaming generator of households,
 * people and the departments' reference tables, for seeding the five departments' databases.
 *
 *   const county = createDemoCounty({ workers: 20000 });
 *   seedReference(county.reference);
 *   for (const batch of county.households(1000)) seedHouseholds(batch);
 */
export * from './model';
export { createDemoCounty, DEFAULT_OPTIONS } from './generate';
