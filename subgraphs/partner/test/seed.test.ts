import { Client } from 'pg';
import { partnerSubgraph } from '@jiuye/partner';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { counts } from './fixtures';
import { createDemoCounty, type DemoHousehold, partnerSeeder } from '@jiuye/devtools';

describe('partner seeder', () => {
  let partner: TestSubgraph;
  let client: Client;
  const county = createDemoCounty({ workers: 300 });
  const context = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    client = new Client({ connectionString: partner.config.databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await partner?.stop();
  });

  it('loads the demo county and matches the generated data', async () => {
    const households: DemoHousehold[] = [];
    await partnerSeeder.seedReference(client, county.reference, context);
    let written = 0;
    for (const batch of county.households(100)) {
      written += await partnerSeeder.seedHouseholds(client, batch, context);
      households.push(...batch);
    }
    await partnerSeeder.finish(client, context);

    const people = households.flatMap((h) => h.members);
    const transferred = people.filter((p) => p.transfer !== null);
    const visits = people.reduce((n, p) => n + p.followUps.length, 0);
    const attempts = people.reduce((n, p) => n + p.contactAttempts.length, 0);
    const left = transferred.filter((p) => p.followUps.length > 0 && !p.followUps[p.followUps.length - 1].stillEmployed);
    expect(transferred.length).toBeGreaterThan(5);
    expect(left.length).toBeGreaterThan(0);

    const seeded = await counts(partner);
    expect(seeded).toEqual({
      partner_city: county.reference.partnerCities.length,
      labour_base: county.reference.labourBases.length,
      partner_job_posting: county.reference.partnerPostings.length,
      transfer_batch: county.reference.transferBatches.length,
      transfer: transferred.length,
      follow_up_visit: visits,
      contact_attempt: attempts,
      openTransfers: transferred.length - left.length,
    });
    expect(written).toBe(transferred.length + visits + attempts);

    // 稳岗 per city, as the graph computes it, against the generated follow-ups.
    const cities = await partner.query(`{ partnerCities { code retention { transferred stillEmployed } } }`);
    expect(cities.errors).toBeUndefined();
    for (const city of cities.data.partnerCities) {
      const ofCity = transferred.filter((p) => p.transfer!.cityCode === city.code);
      const stillEmployed = ofCity.filter((p) => p.followUps.length > 0 && p.followUps[p.followUps.length - 1].stillEmployed).length;
      expect(city.retention).toEqual({ transferred: ofCity.length, stillEmployed });
    }

    // One seeded worker through _entities, keyed by the same pseudonym every department computes.
    const person = transferred.find((p) => p.followUps.length > 0 && p.contactAttempts.length > 0)!;
    const worker = await partner.query(
      ENTITIES_QUERY('... on Worker { transfers { id batch { id } startedOn fareReimbursed } followUpVisits { id } contactAttempts { id } lastContactOutcome }'),
      { representations: [{ __typename: 'Worker', id: pseudonymOf(person.idNumber) }] },
    );
    expect(worker.errors).toBeUndefined();
    expect(worker.data._entities[0]).toEqual({
      transfers: [
        {
          id: String(person.transfer!.id),
          batch: { id: String(person.transfer!.batchId) },
          startedOn: person.transfer!.startedOn,
          fareReimbursed: person.transfer!.fareReimbursed,
        },
      ],
      followUpVisits: [...person.followUps].reverse().map((v) => ({ id: String(v.id) })),
      contactAttempts: [...person.contactAttempts].reverse().map((a) => ({ id: String(a.id) })),
      lastContactOutcome: person.contactAttempts[person.contactAttempts.length - 1].outcome,
    });

    const outcomes = await partner.query(`{ contactOutcomeCounts { attempts } }`);
    expect(outcomes.data.contactOutcomeCounts.reduce((n: number, c: { attempts: number }) => n + c.attempts, 0)).toBe(attempts);

    // The sequences moved past the seeded ids: new rows get fresh ids.
    const city = county.reference.partnerCities[0].code;
    const batch = await partner.query(`mutation($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) { id } }`, {
      input: { batchNo: 'DC-2026-11-901', cityCode: city, departedOn: '2026-11-01', destination: '工业园区' },
    });
    expect(batch.errors).toBeUndefined();
    expect(Number(batch.data.createTransferBatch.id)).toBe(county.reference.transferBatches.length + 1);
  });
});
