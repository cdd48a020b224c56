import type { EntityManager } from '@mikro-orm/postgresql';
import { hrSubgraph } from '@jiuye/hr';
import { ENTITIES_QUERY, officerOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { WorkerRecord } from '../src/worker/worker.entity';
import { workerRecordsByIds } from '../src/worker/worker.loaders';
import { COUNTY, idNumberAged, insertReferenceData, LUOXUE, QINGKOU, registration, YINMIN_VILLAGE } from './fixtures';

/**
 * Queries read registry records as plain rows (worker.loaders.ts workerRecordsByIds, common's
 * leanRows); mutations and the ORM read entities. Both must give the same record, field for
 * field (null fields included), and the access rules must hold on the plain rows as on entities.
 */
describe('hr: registry records read lean equal the ORM entities', () => {
  let hr: TestSubgraph;
  const ids: string[] = [];
  /** Each worker's answer to registerWorker (a mutation: the entity), by pseudonym. */
  const registered = new Map<string, Record<string, unknown>>();
  const SELECTION = `id name sex birthDate age idNumberMasked phoneMasked household { code } village { code name }
    populationStatus employmentStatus employmentIntention skillLevel trainingWish education verifiedOn`;

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
    const villages = [QINGKOU, LUOXUE, YINMIN_VILLAGE];
    for (let i = 0; i < 30; i++) {
      // Every other worker without a phone, every third without a training wish: null columns both ways.
      const input = registration(idNumberAged(18 + (i % 40), 700 + i), `${villages[i % 3]}000${(i % 9) + 1}`, {
        name: `工人${i}`,
        phone: i % 2 === 0 ? null : `1381234${String(5000 + i)}`,
        trainingWish: i % 3 === 0 ? null : 'WELDER',
        populationStatus: i % 4 === 0 ? 'AWAY' : 'AT_HOME',
      });
      const response = await hr.query(`mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { ${SELECTION} } }`, { input });
      if (response.errors) throw new Error(`registration failed: ${JSON.stringify(response.errors)}`);
      ids.push(response.data.registerWorker.id);
      registered.set(response.data.registerWorker.id, response.data.registerWorker);
    }
    // verifiedOn null for some (imported records before their first verification).
    await hr.sql(`update worker set verified_on = null where id in (?, ?, ?)`, ids.slice(0, 3));
    for (const id of ids.slice(0, 3)) registered.set(id, { ...registered.get(id), verifiedOn: null });
  });
  afterAll(() => hr?.stop());

  it('gives every property of the entity, with the same values, for every worker', async () => {
    const em = hr.database.orm.em.fork() as EntityManager;
    const properties = Object.keys(hr.database.orm.getMetadata().get(WorkerRecord.name).properties);
    const entities = await em.find(WorkerRecord, { id: { $in: ids } });
    const rows = await workerRecordsByIds(em, [...ids, 'w-nobody']);
    expect(rows).toHaveLength(ids.length);
    expect(entities).toHaveLength(ids.length);
    const rowById = new Map(rows.map((row) => [row.id, row]));
    for (const entity of entities) {
      const row = rowById.get(entity.id) as unknown as Record<string, unknown>;
      // Exactly the entity's properties: a column added to the entity but not to the lean select fails here.
      expect(Object.keys(row).sort()).toEqual([...properties].sort());
      for (const property of properties) expect([property, row[property]]).toEqual([property, (entity as unknown as Record<string, unknown>)[property]]);
    }
    expect(rows.some((row) => row.phone === null) && rows.some((row) => row.trainingWish === null) && rows.some((row) => row.verifiedOn === null)).toBe(true);
  });

  it('answers a query (plain rows) exactly as the registration answered (entities), for every worker', async () => {
    const response = await hr.query(ENTITIES_QUERY(`... on Worker { ${SELECTION} }`), { representations: ids.map((id) => ({ __typename: 'Worker', id })) });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual(ids.map((id) => registered.get(id)));
  });

  it('still refuses the full ID number and phone without the reveal permission, and answers the masked ones', async () => {
    const withoutReveal = officerOf('hr', { permissions: [] });
    const response = await hr.queryAs(withoutReveal, ENTITIES_QUERY(`... on Worker { id idNumberMasked phoneMasked idNumber phone }`), {
      representations: ids.slice(0, 4).map((id) => ({ __typename: 'Worker', id })),
    });
    const refused = (response.errors ?? []).map((error) => `${error.path?.join('.')} ${error.extensions?.code}`).sort();
    expect(refused).toEqual([0, 1, 2, 3].flatMap((i) => [`_entities.${i}.idNumber FORBIDDEN`, `_entities.${i}.phone FORBIDDEN`]).sort());
    expect(response.data._entities.map((worker: { idNumberMasked: string }) => worker.idNumberMasked)).toEqual(ids.slice(0, 4).map((id) => registered.get(id)!.idNumberMasked));
    expect(response.data._entities.map((worker: { phoneMasked: string | null }) => worker.phoneMasked)).toEqual(ids.slice(0, 4).map((id) => registered.get(id)!.phoneMasked));
  });

  it('places each worker by the plain row: another village sees none of them, its own village only its own', async () => {
    const representations = ids.map((id) => ({ __typename: 'Worker', id }));
    const elsewhere = await hr.queryAs(officerOf('hr', { region: `${COUNTY.slice(0, 4)}99` }), ENTITIES_QUERY('... on Worker { id name }'), { representations });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data._entities).toEqual(ids.map(() => null));
    const village = await hr.queryAs(officerOf('hr', { region: LUOXUE }), ENTITIES_QUERY('... on Worker { id name }'), { representations });
    expect(village.errors).toBeUndefined();
    expect(village.data._entities).toEqual(ids.map((id, i) => (i % 3 === 1 ? { id, name: registered.get(id)!.name } : null)));
  });
});
