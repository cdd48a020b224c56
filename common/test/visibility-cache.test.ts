import { VisibilityCache, type RequestIdentity } from '@jiuye/common';

const township = (region: string): RequestIdentity => ({ subject: 's', department: 'hr', role: 'officer', region, permissions: [], requestId: 'r' });
const city = (partnerCity: string): RequestIdentity => ({ subject: 's', department: 'partner', role: 'officer', partnerCity, permissions: [], requestId: 'r' });

describe("the authorities' answers, cached per scope", () => {
  it('answers from the cache within the TTL, and asks again after it', () => {
    const cache = new VisibilityCache(30);
    cache.remember(township('530113001'), ['a', 'b'], new Set(['a']), 1_000);
    expect(cache.lookup(township('530113001'), ['a', 'b', 'c'], 20_000)).toEqual({ visible: new Set(['a']), unknown: ['c'] });
    expect(cache.lookup(township('530113001'), ['a', 'b'], 31_001)).toEqual({ visible: new Set(), unknown: ['a', 'b'] });
  });

  it("never lends one scope's answer to another", () => {
    const cache = new VisibilityCache(30);
    cache.remember(township('530113001'), ['a'], new Set(['a']), 0);
    cache.remember(city('4403'), ['b'], new Set(['b']), 0);
    expect(cache.lookup(township('530113002'), ['a'], 1).unknown).toEqual(['a']);
    expect(cache.lookup(city('3205'), ['b'], 1).unknown).toEqual(['b']);
    expect(cache.lookup(city('4403'), ['b'], 1).visible).toEqual(new Set(['b']));
  });

  it('is off at 0 seconds and stays within its size', () => {
    const off = new VisibilityCache(0);
    off.remember(township('53'), ['a'], new Set(['a']));
    expect(off.lookup(township('53'), ['a']).unknown).toEqual(['a']);
    const small = new VisibilityCache(30, 100);
    small.remember(
      township('53'),
      Array.from({ length: 150 }, (_, i) => `w${i}`),
      new Set(),
    );
    expect(small.size).toBe(90);
    expect(small.lookup(township('53'), ['w149']).unknown).toEqual([]);
  });
});
