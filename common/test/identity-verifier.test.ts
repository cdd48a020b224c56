import { SignJWT } from 'jose';
import { InternalIdentityVerifier, signInternalIdentity, TokenError, type RequestIdentity } from '@jiuye/common';

const KEY = 'identity-verifier-test-key-0123456789-abcdefghij';
const identity = (requestId: string): RequestIdentity => ({
  subject: 'officer-1',
  department: 'hr',
  role: 'officer',
  region: '530113',
  permissions: ['reveal'],
  purpose: 'employment-service',
  requestId,
});

/** A token signed like the gateway's but expiring `seconds` from now. */
async function shortLived(seconds: number): Promise<string> {
  return new SignJWT({ dept: 'hr', role: 'officer', region: '530113', perms: [], rid: 'short' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('officer-1')
    .setIssuer('jiuye-gateway')
    .setAudience('jiuye-subgraph')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(new TextEncoder().encode(KEY));
}

describe('the signed identity, verified once per token', () => {
  it('answers the same identity again from memory, a copy each time', async () => {
    const verifier = new InternalIdentityVerifier(KEY);
    const token = await signInternalIdentity(identity('r-1'), KEY);
    const first = await verifier.verify(token);
    expect(first).toEqual(identity('r-1'));
    expect(verifier.size).toBe(1);
    first.permissions.push('reveal');
    (first as { region?: string }).region = '53';
    const second = await verifier.verify(token);
    expect(second).toEqual(identity('r-1'));
    expect(verifier.size).toBe(1);
  });

  it('verifies in full what is not the same bytes: a forged signature or another key is refused, and nothing refused is remembered', async () => {
    const verifier = new InternalIdentityVerifier(KEY);
    const token = await signInternalIdentity(identity('r-2'), KEY);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ name: 'TokenError', reason: 'bad-signature' });
    const otherKey = await signInternalIdentity(identity('r-2'), `${KEY}-other`);
    await expect(verifier.verify(otherKey)).rejects.toBeInstanceOf(TokenError);
    const elevated = await signInternalIdentity({ ...identity('r-2'), region: '53' }, `${KEY}-other`);
    await expect(verifier.verify(elevated)).rejects.toBeInstanceOf(TokenError);
    expect(verifier.size).toBe(1);
  });

  it('does not answer from memory once the token has expired', async () => {
    const verifier = new InternalIdentityVerifier(KEY);
    const token = await shortLived(1);
    expect((await verifier.verify(token)).requestId).toBe('short');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(verifier.verify(token)).rejects.toMatchObject({ name: 'TokenError', reason: 'expired' });
    expect(verifier.size).toBe(0);
  });

  it('forgets a remembered token at its exp by its own clock, and stays within its capacity', async () => {
    let now = Date.now();
    const verifier = new InternalIdentityVerifier(KEY, 2, () => now);
    const tokens = await Promise.all(['a', 'b', 'c'].map((rid) => signInternalIdentity(identity(rid), KEY)));
    for (const token of tokens) await verifier.verify(token);
    expect(verifier.size).toBe(2);
    // Past every token's exp by the verifier's clock: the entry is dropped and the token verified again (still valid by jose's clock).
    now += 24 * 3600 * 1000;
    expect((await verifier.verify(tokens[2])).requestId).toBe('c');
    expect(verifier.size).toBe(2);
  });
});
