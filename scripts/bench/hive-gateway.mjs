#!/usr/bin/env node
/**
 * Hive Gateway on the committed supergraph, for the benchmark (issue 6): "our gateway ÷ Hive
 * Gateway on the same subgraphs". Hive's runtime resolves from the tree (hive-plugin/'s
 * dependency @graphql-hive/gateway-runtime, installed by npm install) or else from .bench/hive
 * (git-ignored), where scripts/src/bench/hive.ts installs @graphql-hive/gateway. Plain JavaScript, not compiled by tsc. The production way
 * to run Hive is hive-plugin/ (with the access log and the limits); this stays the bench's engine,
 * as measured in BENCHMARKS.md.
 *
 * Environment: HIVE_PORT (default 4100), HR_URL, POVERTY_URL, CIVIL_URL, TRAINING_URL,
 * PARTNER_URL, SITUATION_URL, AUDIT_URL (default: the supergraph's URLs), JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE,
 * INTERNAL_SIGNING_KEY (development defaults as in common/src/config.ts), HIVE_LOG_LEVEL (warn).
 *
 * Per request it does the work our gateway does before and around the query plan, with the same
 * code (common/dist/auth): verifies the bearer JWT (createUserTokenVerifier: HS256, issuer,
 * audience, exp, sub, the claims schema), reads and checks x-purpose, refuses person-level
 * operations without a purpose (or to dashboards and auditors) before any department is called,
 * and signs the identity once per client request (signInternalIdentity) into x-jiuye-identity on
 * every subgraph request, with x-request-id (taken from the client or a new UUID, echoed back).
 * It does not write the access log, nor check our depth/alias/token/cost limits.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HIVE_DIR = path.join(ROOT, '.bench', 'hive');
const fromHive = createRequire(path.join(HIVE_DIR, 'package.json'));
const fromRoot = createRequire(path.join(ROOT, 'package.json'));

// The tree's runtime first (npm install puts @graphql-hive/gateway-runtime there for hive-plugin/, the same
// createGatewayRuntime @graphql-hive/gateway runs), else the bench's .bench/hive.
const fromWorkspace = createRequire(path.join(ROOT, 'hive-plugin', 'package.json'));
let hive;
let fromHiveTree = fromHive;
try {
  hive = fromWorkspace('@graphql-hive/gateway-runtime');
  fromHiveTree = fromWorkspace;
} catch {
  // not in the tree: .bench/hive below
}
try {
  hive ??= fromHive('@graphql-hive/gateway');
} catch (error) {
  console.error(`hive gateway: @graphql-hive/gateway is not installed in ${HIVE_DIR} (ensureHiveInstalled in scripts/src/bench/hive.ts installs it): ${error.message}`);
  process.exit(1);
}
const { createGatewayRuntime } = hive;
// Hive's own graphql (the schema it executes against comes from this copy).
const { GraphQLError, TypeInfo, getNamedType, visit, visitWithTypeInfo } = fromHiveTree('graphql');
// The same code our gateway verifies and signs with (compiled by tsc -b).
const { createUserTokenVerifier, signInternalIdentity, isPurpose, PURPOSES, PURPOSE_HEADER, INTERNAL_IDENTITY_HEADER, TokenError, PERSONAL_TYPES, personAccessRefusal, scopeKind } =
  fromRoot('./common/dist/auth/index.js');
const { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEVELOPMENT_INTERNAL_SIGNING_KEY, DEVELOPMENT_JWT_SECRET } = fromRoot('./common/dist/config.js');
// The department registry (SUBGRAPH_NAMES moved there from config.js; importing it from config left it undefined).
const { SUBGRAPH_NAMES } = fromRoot('./common/dist/departments.js');

const env = process.env;
const port = Number(env.HIVE_PORT ?? 4100);
// Loopback unless HIVE_HOST says otherwise; the development keys only there (as our gateway: common/src/deployment.ts).
const { DEFAULT_HOST, deploymentSecretProblems } = fromRoot('./common/dist/deployment.js');
const host = env.HIVE_HOST || DEFAULT_HOST;
if (env.NODE_ENV === 'production' && (!env.JWT_SECRET || !env.INTERNAL_SIGNING_KEY)) {
  console.error('hive gateway: JWT_SECRET and INTERNAL_SIGNING_KEY are required in production');
  process.exit(1);
}
const signingKey = env.INTERNAL_SIGNING_KEY ?? DEVELOPMENT_INTERNAL_SIGNING_KEY;
const keyProblems = deploymentSecretProblems(host, env.NODE_ENV ?? 'development', [
  { variable: 'INTERNAL_SIGNING_KEY', value: signingKey, developmentValue: DEVELOPMENT_INTERNAL_SIGNING_KEY },
  { variable: 'JWT_SECRET', value: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, developmentValue: DEVELOPMENT_JWT_SECRET },
]);
if (keyProblems.length) {
  console.error(`hive gateway cannot start:\n${keyProblems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
const verify = await createUserTokenVerifier({
  algorithm: 'HS256',
  secret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
  issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER,
  audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE,
});

const supergraphPath = env.SUPERGRAPH_PATH ?? path.join(ROOT, 'schema', 'supergraph.graphql');
const supergraph = readFileSync(supergraphPath, 'utf8');
const transportEntries = {};
// executor-http deduplicates identical in-flight subgraph requests by URL and body; the signed
// identity is added later (onFetch), so concurrent requests of DIFFERENT users would share one
// answer, computed under one of their identities. Off: every request is answered for its caller,
// as our gateway does (HIVE_DEDUPLICATE=1 turns it back on to see what it is worth).
const deduplicateInflightRequests = env.HIVE_DEDUPLICATE === '1';
// The audit subgraph (the access log) is a service of its own (AUDIT_URL), routed to like a department.
for (const name of [...SUBGRAPH_NAMES, 'audit']) {
  const url = env[`${name.toUpperCase()}_URL`];
  transportEntries[name] = { ...(url ? { location: url } : {}), options: { deduplicateInflightRequests } };
}

/** Per client request: the request id, the verified caller and (lazily) the signed identity. */
const calls = new WeakMap();

function refusal(status, message, extensions, requestId) {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { ...extensions, requestId } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
  });
}

/** As gateway/src/auth.ts createAuthenticator: bearer JWT, then x-purpose. */
async function authenticate(request) {
  const header = request.headers.get('authorization');
  if (!header)
    throw {
      status: 401,
      message: 'authentication required: send Authorization: Bearer <token> (npm run token mints development tokens)',
      extensions: { code: 'UNAUTHENTICATED', reason: 'no-token' },
    };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw { status: 401, message: 'the Authorization header must be "Bearer <token>"', extensions: { code: 'UNAUTHENTICATED', reason: 'malformed-header' } };
  let identity;
  try {
    identity = await verify(match[1]);
  } catch (error) {
    const known = error instanceof TokenError;
    throw {
      status: 401,
      message: `authentication failed: ${known ? error.message : 'the token could not be verified'}`,
      extensions: { code: 'UNAUTHENTICATED', reason: known ? error.reason : 'invalid' },
    };
  }
  const purpose = request.headers.get(PURPOSE_HEADER) ?? undefined;
  if (purpose !== undefined && purpose !== '' && !isPurpose(purpose)) {
    throw {
      status: 400,
      message: `${PURPOSE_HEADER}: "${String(purpose).slice(0, 40)}" is not a purpose of use; use one of ${Object.keys(PURPOSES).join(', ')}`,
      extensions: { code: 'BAD_REQUEST', header: PURPOSE_HEADER, allowed: Object.keys(PURPOSES) },
    };
  }
  return { identity, ...(purpose ? { purpose } : {}) };
}

/**
 * As gateway/src/auth.ts personalTypesIn, repeated here on purpose: Hive's schema is built
 * with its own copy of graphql, and TypeInfo from ours would fail its instanceof checks.
 */
function personalTypesIn(schema, document) {
  const found = new Set();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (!type) return;
        const named = getNamedType(type).name;
        if (PERSONAL_TYPES.has(named)) found.add(named);
      },
    }),
  );
  return [...found];
}

/**
 * As gateway/src/auth.ts personalDataPlugin: the same rule (personAccessRefusal), refused
 * before any department is called, rebuilt as an error of Hive's own graphql copy.
 */
function personalDataRefusal(caller, types) {
  const refusal = personAccessRefusal({ department: caller.identity.department, purpose: caller.purpose }, scopeKind(caller.identity));
  if (!refusal) return null;
  const status = refusal.extensions.code === 'FORBIDDEN' ? 403 : 400;
  return new GraphQLError(`${refusal.message} (the operation selects ${types.join(', ')})`, { extensions: { ...refusal.extensions, http: { status } } });
}

const jiuyePlugin = {
  async onRequest({ request, url, endResponse }) {
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    const call = { requestId, caller: undefined, signed: undefined };
    calls.set(request, call);
    // Health and readiness probes carry no token.
    if (url.pathname !== '/graphql') return;
    try {
      call.caller = await authenticate(request);
    } catch (error) {
      if (typeof error?.status !== 'number') throw error;
      endResponse(refusal(error.status, error.message, error.extensions, requestId));
    }
  },
  onExecute({ args, setResultAndStopExecution }) {
    const call = args.contextValue?.request && calls.get(args.contextValue.request);
    if (!call?.caller) return;
    const types = personalTypesIn(args.schema, args.document);
    if (types.length === 0) return;
    const refused = personalDataRefusal(call.caller, types);
    if (refused) setResultAndStopExecution({ errors: [refused] });
  },
  // Every subgraph request of this client request: the request id and the identity, signed once.
  async onFetch({ context, options, setOptions }) {
    const call = context?.request && calls.get(context.request);
    if (!call) return;
    const headers = { ...(options.headers ?? {}), 'x-request-id': call.requestId };
    if (call.caller) {
      call.signed ??= signInternalIdentity({ ...call.caller.identity, ...(call.caller.purpose ? { purpose: call.caller.purpose } : {}), requestId: call.requestId }, signingKey);
      headers[INTERNAL_IDENTITY_HEADER] = await call.signed;
    }
    setOptions({ ...options, headers });
  },
  onResponse({ request, response }) {
    const call = calls.get(request);
    if (call) response.headers.set('x-request-id', call.requestId);
  },
};

const gateway = createGatewayRuntime({
  supergraph,
  transportEntries,
  logging: env.HIVE_LOG_LEVEL ?? 'warn',
  // Our plugin takes and forwards x-request-id itself (it also goes into the signed identity).
  requestId: false,
  graphiql: false,
  landingPage: false,
  plugins: () => [jiuyePlugin],
});

const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
const url = `http://localhost:${server.address().port}/graphql`;
console.log(`hive gateway ready on ${url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeIdleConnections?.();
  await new Promise((resolve) => server.close(() => resolve()));
  await gateway.dispose?.();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop());
