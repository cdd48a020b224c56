import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEVELOPMENT_JWT_SECRET, mintUserToken } from '@jiuye/common';

/**
 * Hive Gateway for the benchmark (issue 6), started as scripts/bench/hive-gateway.mjs. Since
 * hive-plugin/ (issue 17) its runtime (@graphql-hive/gateway-runtime, what @graphql-hive/gateway
 * runs) is a dependency of the tree, which the script uses first; a tree without that version
 * still gets @graphql-hive/gateway installed on demand into .bench/hive (git-ignored). Nothing
 * here imports a Hive package.
 */
export const HIVE_GATEWAY_VERSION = '2.15.1';

/**
 * @graphql-hive/gateway 2.15.1 itself asks for Node >= 20, but its caret ranges float to
 * @whatwg-node/promise-helpers 2 and @whatwg-node/disposablestack 0.1 (through
 * @graphql-tools/utils 12.0.3+ and @graphql-tools/executor 2.0.3+) and to
 * @graphql-tools/url-loader 9.1.12+ (@whatwg-node/fetch 0.12, sync-fetch 0.7), which all declare
 * Node >= 22. These keep the whole tree on releases that declare Node 20 (the install runs with
 * --engine-strict, so a new release that drops Node 20 fails the install instead of the bench).
 * promise-helpers 1.3.2 exports everything 2.x does (2.0 removed mapMaybePromise, and declared
 * Node 22); disposablestack 0.0.6 and 0.1.0 ship the same code.
 */
export const HIVE_OVERRIDES: Record<string, string> = {
  '@whatwg-node/promise-helpers': '1.3.2',
  '@whatwg-node/disposablestack': '0.0.6',
  '@graphql-tools/url-loader': '9.1.10',
};

export function hiveDirectory(root: string): string {
  return path.join(root, '.bench', 'hive');
}

function installedVersion(directory: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(directory, 'node_modules', '@graphql-hive', 'gateway', 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? null;
  } catch {
    return null;
  }
}

function installedOverrides(directory: string): string | null {
  try {
    return JSON.stringify((JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { overrides?: unknown }).overrides ?? null);
  } catch {
    return null;
  }
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`))));
  });
}

/**
 * The runtime @graphql-hive/gateway HIVE_GATEWAY_VERSION runs (its createGatewayRuntime): what
 * hive-plugin depends on, without the gateway CLI's laboratory UI, caches and exporters.
 */
export const HIVE_RUNTIME_VERSION = '2.12.1';

/** The @graphql-hive/gateway-runtime npm install put in the tree for hive-plugin, or null. */
export function workspaceHiveRuntimeVersion(root: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'node_modules', '@graphql-hive', 'gateway-runtime', 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? null;
  } catch {
    return null;
  }
}

/**
 * Uses the runtime npm install put in the tree for hive-plugin when it is HIVE_RUNTIME_VERSION
 * (scripts/bench/hive-gateway.mjs takes it first); otherwise installs @graphql-hive/gateway
 * HIVE_GATEWAY_VERSION into .bench/hive unless it is there already.
 */
export async function ensureHiveInstalled(root: string): Promise<void> {
  if (workspaceHiveRuntimeVersion(root) === HIVE_RUNTIME_VERSION) {
    console.log(`hive gateway: @graphql-hive/gateway-runtime@${HIVE_RUNTIME_VERSION} installed by npm install (hive-plugin's dependency)`);
    return;
  }
  const directory = hiveDirectory(root);
  const wanted = JSON.stringify(HIVE_OVERRIDES);
  if (installedVersion(directory) === HIVE_GATEWAY_VERSION && installedOverrides(directory) === wanted) {
    console.log(`hive gateway: @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} already installed in ${path.relative(root, directory)}`);
    return;
  }
  mkdirSync(directory, { recursive: true });
  // Its own package.json (not a workspace of ours), so that npm installs here, with the overrides.
  writeFileSync(
    path.join(directory, 'package.json'),
    `${JSON.stringify({ name: 'jiuye-bench-hive', private: true, description: 'Hive Gateway for npm run bench; installed by scripts/src/bench/hive.ts', overrides: HIVE_OVERRIDES }, null, 2)}\n`,
  );
  const args = ['install', '--prefix', directory, '--no-audit', '--no-fund', '--save-exact', '--engine-strict', `@graphql-hive/gateway@${HIVE_GATEWAY_VERSION}`];
  console.log(`hive gateway: installing @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} into ${path.relative(root, directory)} (npm ${args.join(' ')}; about a minute, once)…`);
  const started = Date.now();
  await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, root);
  const version = installedVersion(directory);
  if (version !== HIVE_GATEWAY_VERSION)
    throw new Error(`hive gateway: npm install finished but ${path.relative(root, directory)} has @graphql-hive/gateway ${version ?? 'missing'}`);
  console.log(`hive gateway: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export interface HiveGatewayOptions {
  root: string;
  port: number;
  /** Subgraph name (hr, poverty, civil, training, partner) → its /graphql URL. */
  subgraphUrls: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}

export interface RunningHiveGateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts scripts/bench/hive-gateway.mjs and resolves once it answers `{ __typename }` with a valid token. */
export async function startHiveGateway(options: HiveGatewayOptions, timeoutMs = 60_000): Promise<RunningHiveGateway> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, HIVE_PORT: String(options.port) };
  for (const [name, url] of Object.entries(options.subgraphUrls)) env[`${name.toUpperCase()}_URL`] = url;
  const script = path.join(options.root, 'scripts', 'bench', 'hive-gateway.mjs');
  const child = spawn(process.execPath, [script], { cwd: options.root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error('hive gateway: could not start node');

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  };

  const url = `http://localhost:${options.port}/graphql`;
  const token = await mintUserToken(
    { subject: 'bench-hive-ready', department: 'hr', role: 'officer', region: '530113', permissions: [] },
    { issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER, audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE, secret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET },
    { expiresIn: '5m' },
  );
  const deadline = Date.now() + timeoutMs;
  let last = 'not listening yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`hive gateway exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before it was ready (see its log above)`);
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(2000),
      });
      const body = (await response.json().catch(() => null)) as { data?: { __typename?: string } } | null;
      if (response.ok && body?.data?.__typename === 'Query') return { url, pid: child.pid, stop };
      last = `HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`hive gateway was not ready on ${url} within ${timeoutMs / 1000} s (last: ${last})`);
}

/** True when .bench/hive holds the pinned version (for callers that only want to know). */
export function hiveInstalled(root: string): boolean {
  return existsSync(hiveDirectory(root)) && installedVersion(hiveDirectory(root)) === HIVE_GATEWAY_VERSION;
}
