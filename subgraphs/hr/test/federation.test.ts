import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { FEDERATION_LINK, makeIdNumber, printSubgraphSdl, TradeVocabulary } from '@jiuye/common';
import { civilSubgraph } from '@jiuye/civil';
import { hrSubgraph } from '@jiuye/hr';
import { ENTITIES_QUERY, startTestSubgraph, type TestSubgraph, expectFlatCost } from '@jiuye/testing/harness';
import { addDays, COUNTY, insertPostings, insertReferenceData, insertWelfarePosts, LUOXUE, pseudonymOf, QINGKOU, TANGDAN, today, YINMIN_VILLAGE } from './fixtures';

const VILLAGES = [QINGKOU, LUOXUE, YINMIN_VILLAGE];

interface Seeded {
  ids: string[];
  households: string[];
}

/**
 * 200 registered workers in 100 households of three villages, each with a closed and an open
 * employment, two subsidies and a job-fair intention; ten of them hold welfare posts.
 */
async function seedWorkers(hr: TestSubgraph, n: number): Promise<Seeded> {
  const ids: string[] = [];
  const households: string[] = [];
  const t = today();
  const workers: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const idNumber = makeIdNumber(COUNTY, `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`, 200 + i);
    const household = `${VILLAGES[Math.floor(i / 2) % 3]}${String(1000 + Math.floor(i / 2)).padStart(4, '0')}`;
    if (i % 2 === 0) households.push(household);
    const id = pseudonymOf(idNumber);
    ids.push(id);
    workers.push([
      id,
      idNumber,
      `工人${i}`,
      i % 2 ? 'MALE' : 'FEMALE',
      idNumber.slice(6, 10) + '-' + idNumber.slice(10, 12) + '-' + idNumber.slice(12, 14),
      `139${String(10000000 + i)}`,
      household,
      household.slice(0, 12),
    ]);
  }
  const placeholders = (rows: unknown[][]) => rows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', ');
  await hr.sql(
    `insert into worker (id, id_number, name, sex, birth_date, phone, household_code, village_code, population_status, employment_status, employment_intention, skill_level, education, verified_on)
     select v.column1, v.column2, v.column3, v.column4, v.column5::date, v.column6, v.column7, v.column8, 'AWAY', 'EMPLOYED', 'OUT_OF_PROVINCE', 'BASIC', 'JUNIOR_HIGH', ?::date
     from (values ${placeholders(workers)}) as v`,
    [t, ...workers.flat()],
  );
  const employments: unknown[][] = [];
  ids.forEach((id, i) => {
    employments.push([id, 2, '昆明东川铜业有限公司', 'LOCAL_ENTERPRISE', 'IN_COUNTY', '东川区', addDays(t, -400), addDays(t, -200), 3500, '合同期满']);
    employments.push([
      id,
      i % 2 ? 3 : null,
      i % 2 ? '深圳市福田电子厂' : '个体',
      i % 2 ? 'TRANSFER_OUT_OF_PROVINCE' : 'FLEXIBLE',
      i % 2 ? 'OUT_OF_PROVINCE' : 'IN_COUNTY',
      '深圳',
      addDays(t, -100),
      null,
      5200,
      null,
    ]);
  });
  await hr.sql(
    `insert into employment (worker_id, employer_id, employer_name, kind, place, location, starts_on, ends_on, monthly_wage, end_reason)
     select v.column1, v.column2::int, v.column3, v.column4, v.column5, v.column6, v.column7::date, v.column8::date, v.column9::int, v.column10 from (values ${placeholders(employments)}) as v`,
    employments.flat(),
  );
  const subsidies = ids.flatMap((id) => [
    [id, 'ONE_OFF_EMPLOYMENT', 500, addDays(t, -90)],
    [id, 'TRAVEL_FARE', 380, addDays(t, -99)],
  ]);
  await hr.sql(
    `insert into subsidy_payment (worker_id, kind, amount, paid_on) select v.column1, v.column2, v.column3::int, v.column4::date from (values ${placeholders(subsidies)}) as v`,
    subsidies.flat(),
  );
  const intentions = ids.map((id) => [1, id, 6, addDays(t, -5)]);
  await hr.sql(
    `insert into job_fair_intention (fair_id, worker_id, posting_id, reached_on) select v.column1::int, v.column2, v.column3::int, v.column4::date from (values ${placeholders(intentions)}) as v`,
    intentions.flat(),
  );
  // Ten former holders of welfare post 3 (因民村), one after the other.
  for (let k = 0; k < 10; k++) {
    await hr.sql(`insert into welfare_post_assignment (post_id, worker_id, starts_on, ends_on) values (3, ?, ?, ?)`, [
      ids[k],
      addDays(t, -1000 + k * 50),
      addDays(t, -1000 + k * 50 + 40),
    ]);
  }
  return { ids, households };
}

describe('hr subgraph: federation', () => {
  let hr: TestSubgraph;
  let seeded: Seeded;

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
    await insertPostings(hr);
    await insertWelfarePosts(hr);
    seeded = await seedWorkers(hr, 200);
    // Posting 7 (headcount 1) is taken by an intention: no longer suitable for anyone.
    await hr.sql(`insert into job_fair_intention (fair_id, worker_id, posting_id, reached_on) values (1, ?, 7, ?)`, [seeded.ids[0], addDays(today(), -5)]);
  });
  afterAll(() => hr?.stop());

  describe('schema', () => {
    it('defines on the federated types only the fields the contract gives hr', async () => {
      const sdl = await printSubgraphSdl(hrSubgraph);
      const fieldsOf = (type: string) => {
        const block = new RegExp(`type ${type}\\s*@key\\(fields: "\\w+"\\)\\s*\\{([\\s\\S]*?)\\n\\}`).exec(sdl)![1];
        return [...block.replace(/"""[\s\S]*?"""/g, '').matchAll(/^\s{2}(\w+)/gm)].map((m) => m[1]);
      };
      expect(fieldsOf('Worker')).toEqual([
        'id',
        'staysNearHome',
        'certifiedTrades',
        'name',
        'sex',
        'birthDate',
        'age',
        'idNumberMasked',
        'idNumber',
        'phone',
        'phoneMasked',
        'household',
        'village',
        'populationStatus',
        'employmentStatus',
        'employmentIntention',
        'skillLevel',
        'trainingWish',
        'education',
        'verifiedOn',
        'employments',
        'currentEmployment',
        'welfarePostAssignments',
        'subsidies',
        'jobFairIntentions',
        'suitableJobPostings',
        'hrHistory',
        'hrRecordedAt',
        'verifications',
      ]);
      expect(fieldsOf('Household')).toEqual(['code', 'members', 'village', 'hrHistory']);
      expect(fieldsOf('Division')).toEqual(['code', 'name', 'level', 'parent', 'children', 'workers', 'welfarePosts']);
      expect(sdl).toMatch(/staysNearHome: Boolean! @external/);
      expect(sdl).toMatch(/certifiedTrades: \[Trade!\]! @external/);
      expect(sdl).toMatch(/suitableJobPostings\([\s\S]*?\): \[JobPosting!\] @requires\(fields: "staysNearHome certifiedTrades"\)/);
      expect(sdl).not.toMatch(/idNumber: String\n(?![\s\S]*input)/); // no clear ID number on an output type
    });

    it('composes with civil (staysNearHome) and training (certifiedTrades)', async () => {
      const trainingStub = `${FEDERATION_LINK}
        type Worker @key(fields: "id") { id: ID! certifiedTrades: [Trade!]! }
        enum Trade { ${TradeVocabulary.values.join(' ')} }
        type Query { institutionsStub: Int }`;
      const result = composeServices([
        { name: 'hr', url: 'http://hr/graphql', typeDefs: parse(await printSubgraphSdl(hrSubgraph)) },
        { name: 'civil', url: 'http://civil/graphql', typeDefs: parse(await printSubgraphSdl(civilSubgraph)) },
        { name: 'training', url: 'http://training/graphql', typeDefs: parse(trainingStub) },
      ]);
      expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
      expect(result.supergraphSdl).toMatch(/suitableJobPostings[\s\S]*?@join__field\(graph: HR, requires: "staysNearHome certifiedTrades"\)/);
    });
  });

  describe('suitableJobPostings (@requires staysNearHome certifiedTrades)', () => {
    const SELECTION = '... on Worker { id suitableJobPostings { id place requiredTrade } }';
    const ask = async (facts: Record<string, unknown>, selection = SELECTION) => {
      const response = await hr.query(ENTITIES_QUERY(selection), { representations: [{ __typename: 'Worker', id: seeded.ids[5], ...facts }] });
      expect(response.errors).toBeUndefined();
      return response.data._entities[0].suitableJobPostings as { id: string; place: string; requiredTrade: string | null }[];
    };
    const ids = (postings: { id: string }[]) => postings.map((p) => p.id);

    it('a certified welder free to travel gets welder and no-trade postings, best paid first; never closed or full ones', async () => {
      expect(ids(await ask({ staysNearHome: false, certifiedTrades: ['WELDER'] }))).toEqual(['1', '2', '3', '4']);
    });

    it('a worker who stays near home never gets an OUT_OF_PROVINCE posting', async () => {
      const postings = await ask({ staysNearHome: true, certifiedTrades: ['WELDER'] });
      expect(ids(postings)).toEqual(['2', '4']);
      expect(postings.some((p) => p.place === 'OUT_OF_PROVINCE')).toBe(false);
      expect(ids(await ask({ staysNearHome: true, certifiedTrades: [] }))).toEqual(['4']);
    });

    it('a worker without certificates gets only no-trade (低门槛) postings', async () => {
      const postings = await ask({ staysNearHome: false, certifiedTrades: [] });
      expect(ids(postings)).toEqual(['3', '4']);
      expect(postings.every((p) => p.requiredTrade === null)).toBe(true);
    });

    it('several certificates widen the choice; first limits it', async () => {
      expect(ids(await ask({ staysNearHome: false, certifiedTrades: ['WELDER', 'ELECTRICIAN'] }))).toEqual(['1', '5', '2', '3', '4']);
      expect(ids(await ask({ staysNearHome: false, certifiedTrades: ['WELDER', 'ELECTRICIAN'] }, '... on Worker { suitableJobPostings(first: 2) { id } }'))).toEqual(['1', '5']);
    });

    it('without the facts (not asked through the gateway) it offers only what anyone near home could take', async () => {
      expect(ids(await ask({}))).toEqual(['4']);
    });

    it('keeps the representation as the gateway sent it and resolves hr fields through loaders', async () => {
      const response = await hr.query(ENTITIES_QUERY('... on Worker { id name employmentStatus suitableJobPostings(first: 1) { id } }'), {
        representations: [{ __typename: 'Worker', id: seeded.ids[1], staysNearHome: false, certifiedTrades: ['WELDER'] }],
      });
      expect(response.data._entities).toEqual([{ id: seeded.ids[1], name: '工人1', employmentStatus: 'EMPLOYED', suitableJobPostings: [{ id: '1' }] }]);
    });
  });

  describe('_entities cost the same few statements for 10 and for 200 representations', () => {
    async function measure(selection: string, representations: (n: number) => Record<string, unknown>[]) {
      const small = await hr.countStatements(ENTITIES_QUERY(selection), { representations: representations(10) });
      const large = await hr.countStatements(ENTITIES_QUERY(selection), { representations: representations(200) });
      expect(small.response.errors).toBeUndefined();
      expect(large.response.errors).toBeUndefined();
      return { small, large };
    }

    it('Worker: registry fields, employments, currentEmployment, subsidies, welfare posts, intentions, suitableJobPostings', async () => {
      const selection = `... on Worker {
        id name age idNumberMasked phoneMasked employmentStatus household { code } village { code name }
        employments { kind employer { name } } currentEmployment { monthlyWage employer { name } } subsidies { kind amount }
        welfarePostAssignments { startsOn post { title } } jobFairIntentions { fair { name } posting { title } }
        suitableJobPostings(first: 5) { id employer { name } remainingHeadcount }
      }`;
      const representations = (n: number) =>
        seeded.ids.slice(0, n).map((id, i) => ({ __typename: 'Worker', id, staysNearHome: i % 3 === 0, certifiedTrades: i % 2 ? ['WELDER'] : [] }));
      const { small, large } = await measure(selection, representations);
      const worker = large.response.data._entities[7];
      expect(worker).toMatchObject({ name: '工人7', employmentStatus: 'EMPLOYED', village: { name: '箐口村' }, phoneMasked: '139****0007' });
      expect(worker.employments.map((e: { kind: string }) => e.kind)).toEqual(['TRANSFER_OUT_OF_PROVINCE', 'LOCAL_ENTERPRISE']);
      expect(worker.currentEmployment).toEqual({ monthlyWage: 5200, employer: { name: '深圳市福田电子厂' } });
      expect(worker.subsidies).toHaveLength(2);
      expect(worker.welfarePostAssignments).toEqual([{ startsOn: expect.any(String), post: { title: '因民村护路员' } }]);
      expect(worker.suitableJobPostings.map((p: { id: string }) => p.id)).toEqual(['1', '2', '3', '4']);
      expect(large.response.data._entities).toHaveLength(200);
      expectFlatCost(small.statements, large.statements, 12);
    });

    it('Worker: people the registry cannot place resolve to null (no region can be shown to contain them)', async () => {
      const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Worker', id: `wUnknown${i}`, staysNearHome: true, certifiedTrades: [] }));
      const { small, large } = await measure('... on Worker { id name employments { id } currentEmployment { id } subsidies { id } suitableJobPostings { id } }', representations);
      expect(large.response.data._entities).toHaveLength(200);
      expect(large.response.data._entities.every((entity: unknown) => entity === null)).toBe(true);
      expectFlatCost(small.statements, large.statements, 4);
    });

    it('Household: members with their employments, village', async () => {
      const representations = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ __typename: 'Household', code: i < seeded.households.length ? seeded.households[i] : `${QINGKOU}${String(5000 + i)}` }));
      const { small, large } = await measure('... on Household { code members { id name currentEmployment { kind } } village { code name } }', representations);
      const first = large.response.data._entities[0];
      expect(first.members.map((m: { name: string }) => m.name).sort()).toEqual(['工人0', '工人1']);
      expect(first.village).toEqual({ code: QINGKOU, name: '箐口村' });
      expect(large.response.data._entities[150]).toMatchObject({ members: [], village: { code: QINGKOU } });
      expectFlatCost(small.statements, large.statements, 3);
    });

    it('Division: name, level, parent, children, workers page and welfare posts', async () => {
      const codes = (n: number) => [QINGKOU, LUOXUE, YINMIN_VILLAGE, TANGDAN, COUNTY, ...Array.from({ length: n - 5 }, (_, i) => `${TANGDAN}${String(300 + i)}`)];
      const representations = (n: number) => codes(n).map((code) => ({ __typename: 'Division', code }));
      const selection = '... on Division { code name level parent { code name } children { name } workers(first: 3) { totalCount nodes { name } } welfarePosts { title vacant } }';
      const { small, large } = await measure(selection, representations);
      const [qingkou, , , tangdan] = large.response.data._entities;
      expect(qingkou).toMatchObject({ name: '箐口村', level: 'VILLAGE', parent: { code: TANGDAN, name: '汤丹镇' }, children: [] });
      expect(qingkou.workers.nodes).toHaveLength(3);
      expect(qingkou.welfarePosts.map((p: { title: string }) => p.title)).toEqual(['箐口村保洁员', '箐口村护林员']);
      expect(tangdan.workers.totalCount).toBe(134); // households 1000–1099 of 箐口村 and 落雪村: two workers each, two villages out of three
      expect(tangdan.children.map((c: { name: string }) => c.name)).toEqual(['箐口村', '落雪村']);
      expect(large.response.data._entities[100]).toMatchObject({ name: null, level: 'VILLAGE', children: [], workers: { totalCount: 0, nodes: [] }, welfarePosts: [] });
      expectFlatCost(small.statements, large.statements, 8);
    });
  });
});
