import { workerPseudonym } from '@jiuye/common';
import { TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Who changed what, through the gateway: an officer changes a worker's six clarities, and every
 * department's history sits beside its fields on the same Worker (each its own field, so the
 * departments do not collide); the read is kept in the access log with the fields read.
 */
const HISTORY = /* GraphQL */ `
  query History($idNumber: String!) {
    worker(idNumber: $idNumber) {
      id
      skillLevel
      hrRecordedAt
      hrHistory(first: 10) {
        nodes {
          at
          department
          record
          operation
          actor
          origin
          detail
          fields {
            field
            before
            after
            redacted
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      povertyHistory(first: 10) {
        nodes {
          record
        }
      }
      civilHistory(first: 10) {
        nodes {
          record
        }
      }
      trainingHistory(first: 10) {
        nodes {
          record
        }
      }
      partnerHistory(first: 10) {
        nodes {
          record
        }
      }
      household {
        code
        povertyHistory(first: 10) {
          nodes {
            record
          }
        }
        civilHistory(first: 10) {
          nodes {
            record
          }
        }
      }
    }
  }
`;

/** The example the README gives (section "Change history"), with a demo ID number filled in. */
const README_EXAMPLE = /* GraphQL */ `
  query ($idNumber: String!) {
    worker(idNumber: $idNumber) {
      name
      skillLevel
      hrRecordedAt
      hrHistory(first: 20) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          at
          department
          record
          operation
          actor
          origin
          detail
          fields {
            field
            before
            after
            redacted
          }
        }
      }
      civilHistory(first: 20) {
        nodes {
          at
          record
          operation
          origin
          fields {
            field
            before
            after
          }
        }
      }
      household {
        code
        povertyHistory(first: 20) {
          nodes {
            at
            record
            operation
            detail
          }
        }
      }
    }
  }
`;

describe('change history through the gateway', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(60);
  });
  afterAll(() => platform?.stop());

  it("an officer's change is in the worker's hr history with who and which mutation; every department answers beside it", async () => {
    const registered = await platform.query(`query($d: DivisionCode!) { workers(divisionCode: $d, first: 1) { nodes { id skillLevel } } }`, {
      d: platform.county.reference.county.code,
    });
    expect(registered.errors).toBeUndefined();
    const target = registered.data.workers.nodes[0] as { id: string; skillLevel: string };
    const idNumber = platform.county
      .sampleIdNumbers()
      .map((sample) => sample.idNumber)
      .concat([...platform.county.households(500)].flat().flatMap((household) => household.members.map((member) => member.idNumber)))
      .find((candidate) => workerPseudonym(candidate, TEST_PSEUDONYM_KEY) === target.id)!;
    const next = target.skillLevel === 'ADVANCED' ? 'BASIC' : 'ADVANCED';

    // The demo county is loaded in bulk, with history off: history starts with the first change.
    const before = await platform.query(HISTORY, { idNumber });
    expect(before.errors).toBeUndefined();
    expect(before.data.worker.hrHistory.nodes).toEqual([]);
    expect(before.data.worker.hrRecordedAt).toBeNull();

    const changed = await platform.query(`mutation($input: UpdateSixClaritiesInput!) { updateSixClarities(input: $input) { skillLevel } }`, {
      input: { idNumber, skillLevel: next },
    });
    expect(changed.errors).toBeUndefined();

    const after = await platform.query(HISTORY, { idNumber });
    expect(after.errors).toBeUndefined();
    const worker = after.data.worker;
    expect(worker.hrHistory.nodes).toHaveLength(1);
    const [entry] = worker.hrHistory.nodes;
    expect(entry).toMatchObject({ department: 'hr', record: 'Worker', operation: 'UPDATE', actor: COUNTY_OFFICER.subject, origin: 'MUTATION', detail: 'updateSixClarities' });
    expect(entry.fields).toEqual(expect.arrayContaining([{ field: 'skillLevel', before: target.skillLevel, after: next, redacted: false }]));
    expect(worker.hrRecordedAt).toBe(entry.at);
    for (const field of ['povertyHistory', 'civilHistory', 'trainingHistory', 'partnerHistory']) expect(worker[field]).toEqual({ nodes: [] });
    expect(worker.household.povertyHistory).toEqual({ nodes: [] });
    expect(worker.household.civilHistory).toEqual({ nodes: [] });

    // A change made in civil's database directly (psql) is in civil's history of the worker.
    await platform.subgraphs.civil.sql(`insert into care_duty (worker_id, reason, cared_for_name, since) values (?, 'CHILD', '王小', '2026-01-01')`, [target.id]);
    const civil = await platform.query(
      `query($id: String!) { worker(idNumber: $id) { civilHistory(first: 5) { nodes { department record operation origin fields { field after } } } } }`,
      {
        id: idNumber,
      },
    );
    expect(civil.errors).toBeUndefined();
    expect(civil.data.worker.civilHistory.nodes).toEqual([
      expect.objectContaining({
        department: 'civil',
        record: 'CareDuty',
        operation: 'INSERT',
        origin: 'DIRECT',
        fields: expect.arrayContaining([{ field: 'reason', after: 'CHILD' }]),
      }),
    ]);

    const example = await platform.query(README_EXAMPLE, { idNumber });
    expect(example.errors).toBeUndefined();
    expect(example.data.worker.hrHistory.nodes).toHaveLength(1);

    const log = await platform.query(`query($id: String!) { worker(idNumber: $id) { accessLog(first: 20) { operation fields } } }`, { id: idNumber });
    expect(log.errors).toBeUndefined();
    const fields = (log.data.worker.accessLog as { fields: string[] }[]).flatMap((row) => row.fields);
    expect(fields).toEqual(expect.arrayContaining(['Worker.hrHistory', 'Worker.povertyHistory', 'Worker.civilHistory', 'Worker.trainingHistory', 'Worker.partnerHistory']));
  });
});
