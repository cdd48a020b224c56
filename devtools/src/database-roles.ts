import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { defaultDatabaseName, DEPARTMENT_NAMES, SITUATION_SOURCE_SCHEMA, SUBGRAPH_NAMES, withDatabase, type DepartmentName, type SubgraphName } from '@jiuye/common';
import { OUTBOX_TABLE, SITUATION_READS } from '@jiuye/situation';

/**
 * Least privilege on the embedded PostgreSQL of npm start: each service connects as a role of its
 * own that owns its own database and nothing else (not a superuser, no CREATEDB, no CREATEROLE),
 * PUBLIC may not connect to the service databases, and the situation read model may only read
 * the views the departments publish for it and take their outbox rows (SITUATION_READS).
 *
 * Seeding and the read model's rebuild still run as the superuser before the services start;
 * whatever they create is handed to the owning role here, on every start (idempotent).
 */
export type Service = SubgraphName | 'gateway';
export const SERVICES: readonly Service[] = [...SUBGRAPH_NAMES, 'gateway'];

/** The role passwords of npm start's embedded PostgreSQL, beside its superuser's (mode 0600). */
export const ROLE_PASSWORDS_FILE = 'jiuye-service-roles.json';

export interface RoleOptions {
  /** A superuser's server URL (no database). */
  serverUrl: string;
  /** The database of each service (the gateway's is the access log's). */
  databases: Record<Service, string>;
  /** role name = prefix + service (default jiuye_). */
  rolePrefix?: string;
  /** The password of each service's role. */
  passwords: Record<Service, string>;
}

export interface ServiceDatabaseUrls {
  /** Each service's own database, as its role. */
  own: Record<Service, string>;
  /** The departments' databases as the situation read model's role. */
  situationSources: Record<DepartmentName, string>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function roleOf(service: Service, prefix = 'jiuye_'): string {
  return `${prefix}${service}`;
}

function urlAs(serverUrl: string, database: string, role: string, password: string): string {
  const url = new URL(withDatabase(serverUrl, database));
  url.username = role;
  url.password = encodeURIComponent(password);
  return url.toString();
}

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The schemas whose objects a service's role must own: public, and the departments' published
 * views (situation_source_v1, v2 …), so a department's own migrations can later drop a version.
 */
const OWNED_SCHEMAS = `(n.nspname = 'public' or n.nspname like 'situation\\_source\\_v%')`;

/** Hands every object in the owned schemas (and the published schemas themselves) that the role does not own yet to the role. */
const TRANSFER_OWNERSHIP = (role: string) => `
do $$
declare r record;
begin
  for r in
    select n.nspname from pg_namespace n where n.nspname <> 'public' and ${OWNED_SCHEMAS} and pg_get_userbyid(n.nspowner) <> ${literal(role)}
  loop
    execute format('alter schema %I owner to %I', r.nspname, ${literal(role)});
  end loop;
  for r in
    select c.oid::regclass::text as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where ${OWNED_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and pg_get_userbyid(c.relowner) <> ${literal(role)}
       -- a sequence owned by a column follows its table
       and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
  loop
    execute format('alter %s %s owner to %I',
      case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
      r.name, ${literal(role)});
  end loop;
  for r in
    select p.oid::regprocedure::text as name, p.prokind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where ${OWNED_SCHEMAS} and pg_get_userbyid(p.proowner) <> ${literal(role)}
  loop
    execute format('alter %s %s owner to %I', case r.prokind when 'p' then 'procedure' else 'function' end, r.name, ${literal(role)});
  end loop;
  for r in
    select t.oid::regtype::text as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where ${OWNED_SCHEMAS} and t.typtype in ('e', 'd', 'c') and pg_get_userbyid(t.typowner) <> ${literal(role)}
       and not exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind <> 'c')
  loop
    execute format('alter type %s owner to %I', r.name, ${literal(role)});
  end loop;
end $$`;

/**
 * Roles, database ownership and PUBLIC's connect right; run as the superuser before the services
 * start (and after seeding). Creates a missing database owned by its role.
 */
export async function provisionServiceRoles(options: RoleOptions): Promise<ServiceDatabaseUrls> {
  const prefix = options.rolePrefix ?? 'jiuye_';
  const admin = withDatabase(options.serverUrl, 'postgres');
  await withClient(admin, async (client) => {
    for (const service of SERVICES) {
      const role = roleOf(service, prefix);
      const exists = (await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
      const attributes = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${literal(options.passwords[service])}`;
      await client.query(`${exists ? 'alter' : 'create'} role ${identifier(role)} with ${attributes}`);
      const database = options.databases[service];
      const found = (await client.query('select 1 from pg_database where datname = $1', [database])).rowCount;
      if (!found) await client.query(`create database ${identifier(database)} owner ${identifier(role)}`);
      else await client.query(`alter database ${identifier(database)} owner to ${identifier(role)}`);
      // Only the owner (and, for the departments, the read model) may connect.
      await client.query(`revoke connect, temporary on database ${identifier(database)} from public`);
    }
  });
  for (const service of SERVICES) {
    await withClient(withDatabase(options.serverUrl, options.databases[service]), (client) => client.query(TRANSFER_OWNERSHIP(roleOf(service, prefix))));
  }
  const own = Object.fromEntries(
    SERVICES.map((service) => [service, urlAs(options.serverUrl, options.databases[service], roleOf(service, prefix), options.passwords[service])]),
  ) as Record<Service, string>;
  const situationSources = Object.fromEntries(
    DEPARTMENT_NAMES.map((name) => [name, urlAs(options.serverUrl, options.databases[name], roleOf('situation', prefix), options.passwords.situation)]),
  ) as Record<DepartmentName, string>;
  return { own, situationSources };
}

/**
 * What the read model may do in each department's database (SITUATION_READS), granted once the
 * departments have migrated (their published views exist). Run as the superuser; idempotent.
 * Whatever the role was granted before on the department's own tables (a data directory from
 * before the published views) is revoked first: it reads the views only.
 */
export async function grantSituationReads(options: Pick<RoleOptions, 'serverUrl' | 'databases' | 'rolePrefix'>): Promise<void> {
  const situation = identifier(roleOf('situation', options.rolePrefix ?? 'jiuye_'));
  const schema = identifier(SITUATION_SOURCE_SCHEMA);
  for (const department of DEPARTMENT_NAMES) {
    const database = options.databases[department];
    await withClient(withDatabase(options.serverUrl, database), async (client) => {
      const views = SITUATION_READS[department];
      const missing = (
        await client.query<{ name: string }>(`select name from unnest($1::text[]) name where to_regclass(format('%I.%I', $2::text, name)) is null`, [
          views,
          SITUATION_SOURCE_SCHEMA,
        ])
      ).rows.map((r) => `${SITUATION_SOURCE_SCHEMA}.${r.name}`);
      if ((await client.query(`select to_regclass($1) is null as absent`, [`public.${OUTBOX_TABLE}`])).rows[0].absent) missing.push(OUTBOX_TABLE);
      if (missing.length) throw new Error(`the situation read model reads ${department}: ${missing.join(', ')}, which the ${department} database does not have (migrated?)`);
      await client.query(`grant connect on database ${identifier(database)} to ${situation}`);
      await client.query(`revoke all on all tables in schema public from ${situation}`);
      await client.query(`grant usage on schema ${schema} to ${situation}`);
      // Exactly the views it reads: one granted before and superseded since (SITUATION_SUPERSEDED) is taken back.
      await client.query(`revoke all on all tables in schema ${schema} from ${situation}`);
      await client.query(`grant select on ${views.map((view) => `${schema}.${identifier(view)}`).join(', ')} to ${situation}`);
      // Taking outbox rows (public.outbox): delete … where id in (select id … for update skip locked) returning ….
      await client.query(`grant usage on schema public to ${situation}`);
      await client.query(`grant select, delete, update (id) on ${identifier(OUTBOX_TABLE)} to ${situation}`);
    });
  }
}

/** The access log's tables the audit service reads (gateway/src/audit/access-log.ts); it writes none. */
export const AUDIT_READS = ['access_log', 'access_log_head'] as const;

/**
 * The audit service's role (<prefix>audit_reader): it may connect to the access log's database
 * and read its tables, nothing else — not append (the gateway alone writes the log), not another
 * service's database. Granted once the gateway has created the log (its migrations); run as the
 * superuser on every start (idempotent; the password is set each time). Returns the URL as that role.
 */
export async function grantAuditReads(options: { serverUrl: string; database: string; password: string; rolePrefix?: string }): Promise<string> {
  const role = `${options.rolePrefix ?? 'jiuye_'}audit_reader`;
  await withClient(withDatabase(options.serverUrl, 'postgres'), async (client) => {
    const exists = (await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
    await client.query(
      `${exists ? 'alter' : 'create'} role ${identifier(role)} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${literal(options.password)}`,
    );
    await client.query(`grant connect on database ${identifier(options.database)} to ${identifier(role)}`);
  });
  await withClient(withDatabase(options.serverUrl, options.database), async (client) => {
    const missing = (await client.query<{ name: string }>(`select name from unnest($1::text[]) name where to_regclass(format('public.%I', name)) is null`, [AUDIT_READS])).rows;
    if (missing.length) throw new Error(`the audit service reads ${missing.map((r) => r.name).join(', ')}, which ${options.database} does not have (has the gateway started?)`);
    await client.query(`revoke all on all tables in schema public from ${identifier(role)}`);
    await client.query(`grant usage on schema public to ${identifier(role)}`);
    await client.query(`grant select on ${AUDIT_READS.map(identifier).join(', ')} to ${identifier(role)}`);
  });
  return urlAs(options.serverUrl, options.database, role, options.password);
}

/** The role passwords kept in a data directory (made on first use, mode 0600). */
export async function rolePasswords(dataDirectory: string): Promise<Record<Service, string>> {
  const file = path.join(dataDirectory, ROLE_PASSWORDS_FILE);
  let stored: Partial<Record<Service, string>> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const passwords = Object.fromEntries(SERVICES.map((service) => [service, stored[service] ?? randomBytes(24).toString('hex')])) as Record<Service, string>;
  if (SERVICES.some((service) => stored[service] !== passwords[service])) {
    await writeFile(file, JSON.stringify(passwords, null, 2) + '\n', { mode: 0o600 });
    await chmod(file, 0o600);
  }
  return passwords;
}

/** The databases npm start uses on its embedded PostgreSQL. */
export function embeddedDatabaseNames(): Record<Service, string> {
  return { ...(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, defaultDatabaseName(name)])) as Record<SubgraphName, string>), gateway: 'jiuye_audit' };
}

/**
 * The database variables each service process gets: its own database as its own role; the
 * situation read model also every department's, as its role.
 */
export function serviceDatabaseEnv(service: Service, urls: ServiceDatabaseUrls): Record<string, string> {
  if (service === 'gateway') return { AUDIT_DATABASE_URL: urls.own.gateway };
  const own = { [`${service.toUpperCase()}_DATABASE_URL`]: urls.own[service] };
  if (service !== 'situation') return own;
  return { ...own, ...Object.fromEntries(DEPARTMENT_NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, urls.situationSources[name]])) };
}
