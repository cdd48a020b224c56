// A real OpenID Connect provider (oidc-provider, ESM) in its own process, driven by
// testing/src/oidc-provider.ts over IPC: 'start' listens on a free loopback port, 'keys' swaps the
// signing keys (key rotation), 'stats' tells how often the JWKS was fetched, 'stop' ends it.
// Development interactions (its built-in login and consent pages) sign the accounts in.
import http from 'node:http';
import Provider, { errors } from 'oidc-provider';

let options;
let issuer;
let handle;
const counts = { jwks: 0, requests: 0 };

/** A provider on the given keys; its memory store is module-wide, so sessions survive a key change. */
function build(keys) {
  const accounts = options.accounts;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: options.idTokenAlg,
      },
    ],
    jwks: { keys },
    cookies: { keys: ['oidc-test-provider-cookie-key-0123456789'] },
    scopes: ['openid', ...Object.values(options.resources).flatMap((resource) => resource.scope.split(' '))],
    claims: { openid: ['sub'] },
    pkce: { required: () => true },
    // The web exchanges the code from the browser: CORS for the origins of the client's redirect URIs
    // (what real providers call the client's web origins), nobody else.
    clientBasedCORS(_ctx, origin, client) {
      return client.redirectUris.some((uri) => new URL(uri).origin === origin);
    },
    async findAccount(_ctx, sub) {
      if (!Object.hasOwn(accounts, sub)) return undefined;
      return { accountId: sub, claims: async () => ({ sub }) };
    },
    // The identity claims (dept, role, region …) go into the JWT access token the gateway verifies.
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !Object.hasOwn(accounts, token.accountId)) return undefined;
      return accounts[token.accountId];
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? options.defaultResource,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, indicator) {
          const resource = options.resources[indicator];
          if (!resource) throw new errors.InvalidTarget();
          return { scope: resource.scope, audience: resource.audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: options.accessTokenAlg } } };
        },
      },
    },
  });
  return provider.callback();
}

const server = http.createServer((request, response) => {
  counts.requests += 1;
  if (request.url.startsWith('/jwks')) counts.jwks += 1;
  handle(request, response);
});

process.on('message', (message) => {
  const reply = (body) => process.send({ id: message.id, ...body });
  try {
    switch (message.type) {
      case 'start':
        options = message.options;
        server.listen(0, '127.0.0.1', () => {
          issuer = `http://127.0.0.1:${server.address().port}`;
          handle = build(message.keys);
          reply({ issuer });
        });
        break;
      case 'keys':
        handle = build(message.keys);
        reply({});
        break;
      case 'stats':
        reply({ counts });
        break;
      case 'stop':
        server.closeAllConnections();
        server.close(() => {
          reply({});
          process.exit(0);
        });
        break;
      default:
        reply({ error: `unknown message ${message.type}` });
    }
  } catch (error) {
    reply({ error: String(error?.stack ?? error) });
  }
});
