import net from 'node:net';

/**
 * What keeps a development set-up from being reachable as it is. The development keys are in
 * the source code, so anyone who can reach a service running on them can sign an identity the
 * subgraphs trust (INTERNAL_SIGNING_KEY), mint user tokens the gateway accepts (JWT_SECRET) or
 * reverse a pseudonym offline (PSEUDONYM_KEY). They are fine only on a service that listens on
 * loopback, outside production.
 */

/** Where services listen unless HOST says otherwise: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/** 127.0.0.0/8, ::1 (also written [::1] or ::ffff:127.x.x.x) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) {
    if (bare === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(bare)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    return mapped !== null && mapped[1].startsWith('127.');
  }
  return false;
}

/** A secret as configured, with the development value the source code ships for it. */
export interface ConfiguredSecret {
  variable: 'INTERNAL_SIGNING_KEY' | 'JWT_SECRET' | 'PSEUDONYM_KEY';
  value: string | undefined;
  developmentValue: string;
}

const MIN_SECRET_BYTES = 32;

/**
 * One problem per secret that must not be used here: a development key (or one shorter than
 * 32 bytes) while the service listens beyond loopback, or a development key in production
 * wherever it listens. The problem names the variable, never the value.
 */
export function deploymentSecretProblems(host: string, environment: string, secrets: readonly ConfiguredSecret[]): string[] {
  const exposed = !isLoopbackHost(host);
  const production = environment === 'production';
  if (!exposed && !production) return [];
  const where = production ? 'with NODE_ENV=production' : `while the service listens on ${host} (HOST; only loopback addresses may use it)`;
  const problems: string[] = [];
  for (const secret of secrets) {
    if (secret.value === undefined) continue; // already reported as missing
    if (secret.value === secret.developmentValue) {
      problems.push(
        `${secret.variable}: the development key (public in the source code) must not be used ${where}; set a random secret of at least ${MIN_SECRET_BYTES} bytes (e.g. openssl rand -base64 48)`,
      );
    } else if (exposed && Buffer.byteLength(secret.value, 'utf8') < MIN_SECRET_BYTES) {
      problems.push(`${secret.variable}: must be at least ${MIN_SECRET_BYTES} bytes ${where}`);
    }
  }
  return problems;
}
