import { deploymentSecretProblems, isLoopbackHost } from '@jiuye/common';

describe('isLoopbackHost (hole 1: which bind addresses may use the development keys)', () => {
  it.each(['127.0.0.1', '127.0.0.53', '127.255.255.254', 'localhost', 'LOCALHOST', 'api.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['0.0.0.0', '::', '', '192.0.2.2', '10.0.0.1', '128.0.0.1', '::ffff:10.0.0.1', 'localhost.example.org', 'db.internal', '1.127.0.0'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('deploymentSecretProblems', () => {
  const secret = (value: string | undefined) => ({ variable: 'INTERNAL_SIGNING_KEY' as const, value, developmentValue: 'the-development-value-of-this-key-0123' });

  it('names the variable, never the value, and says why', () => {
    const [problem] = deploymentSecretProblems('0.0.0.0', 'development', [secret('the-development-value-of-this-key-0123')]);
    expect(problem).toMatch(/^INTERNAL_SIGNING_KEY: the development key .* 0\.0\.0\.0/);
    expect(problem).not.toContain('the-development-value-of-this-key-0123');
    expect(deploymentSecretProblems('127.0.0.1', 'production', [secret('the-development-value-of-this-key-0123')])[0]).toMatch(/NODE_ENV=production/);
  });

  it('counts bytes, not characters, beyond loopback', () => {
    expect(deploymentSecretProblems('0.0.0.0', 'development', [secret('密'.repeat(11))])).toEqual([]); // 33 bytes
    expect(deploymentSecretProblems('0.0.0.0', 'development', [secret('k'.repeat(31))])[0]).toMatch(/^INTERNAL_SIGNING_KEY: must be at least 32 bytes/);
  });

  it('leaves loopback development alone, and a missing key to the check that reports it', () => {
    expect(deploymentSecretProblems('localhost', 'development', [secret('the-development-value-of-this-key-0123')])).toEqual([]);
    expect(deploymentSecretProblems('0.0.0.0', 'production', [secret(undefined)])).toEqual([]);
  });
});
