import { createHash, type Hash } from 'node:crypto';
import { createDemoCounty, type DemoOptions } from '@jiuye/devtools';

/**
 * Golden test of the demo county generator: a sha256 over the canonical JSON of everything a
 * county yields (options, reference tables, every household with every nested record, the
 * sample ID numbers), for a few option sets and batch sizes, against hashes recorded from the
 * generator before it was split by topic. Any change to any generated value — one PRNG draw
 * more or less, a weight in a different order — changes the hash. Re-record only for an
 * intended change of the data (and say so in the commit).
 */

/** Canonical JSON: object keys sorted, -0 and non-finite numbers spelled out; refuses anything else. */
function canonical(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (Object.is(value, -0)) return '-0';
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
      if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`canonical: not a plain object: ${Object.prototype.toString.call(value)}`);
      const record = value as Record<string, unknown>;
      return (
        '{' +
        Object.keys(record)
          .sort()
          .map((k) => JSON.stringify(k) + ':' + canonical(record[k]))
          .join(',') +
        '}'
      );
    }
    default:
      throw new Error(`canonical: cannot serialise a ${typeof value}`);
  }
}

function update(hash: Hash, label: string, value: unknown): void {
  hash.update(label + '\n' + canonical(value) + '\n');
}

/** Hash of the whole county, households streamed in batches of `batchSize`; also the counts. */
function countyHash(options: DemoOptions, batchSize: number): { hash: string; households: number; people: number } {
  const county = createDemoCounty(options);
  const hash = createHash('sha256');
  update(hash, 'options', county.options);
  update(hash, 'reference', county.reference);
  let households = 0;
  let people = 0;
  for (const batch of county.households(batchSize)) {
    hash.update(`batch ${batch.length}\n`);
    for (const household of batch) {
      update(hash, 'household', household);
      households++;
      people += household.members.length;
    }
  }
  update(hash, 'samples', county.sampleIdNumbers());
  return { hash: hash.digest('hex'), households, people };
}

/** Hash of the households alone, so that batch sizes can be compared (batch boundaries left out). */
function householdsHash(options: DemoOptions, batchSize: number): string {
  const hash = createHash('sha256');
  for (const batch of createDemoCounty(options).households(batchSize)) for (const household of batch) update(hash, 'household', household);
  return hash.digest('hex');
}

describe('demo county generator (golden)', () => {
  // Recorded from the generator as of commit ebe161a (one Walker class, numeric kind indices).
  const golden: [string, DemoOptions, number, { hash: string; households: number; people: number }][] = [
    ['default seed, 300 workers', { workers: 300 }, 1000, { hash: 'bb4e6931ddf461bf1d97e1b08d1caa8b31f001cc0ce2c9922327fad20f2be9a6', households: 140, people: 487 }],
    ['default seed, 3,000 workers', { workers: 3000 }, 1000, { hash: '3412678e3283414705574c0038f076c3040a9883f6f68eb0af5c4fa3be97ebb1', households: 1281, people: 4756 }],
    ['default seed, 20,000 workers', { workers: 20000 }, 1000, { hash: 'd6eb755320b670cccfe6e4cc2449730b245c371c24d7d7ba79308c18f0bc76f5', households: 8679, people: 32305 }],
    ['seed 7, 1,000 workers', { seed: 7, workers: 1000 }, 1000, { hash: 'ca0c72fb3efd2a20583b3a9196937cc25973137008baa83ed7f3496b43da63e4', households: 430, people: 1617 }],
    [
      'seed 7, 1,000 workers, today 2023-03-15, batches of 7',
      { seed: 7, workers: 1000, today: '2023-03-15' },
      7,
      { hash: '7adbd9c12348e418e45cca1d0960a0211a23a14dfd31a5a4e4732e4f772fd65e', households: 430, people: 1617 },
    ],
  ];
  it.each(golden)('%s: every generated value as recorded', (_name, options, batchSize, expected) => {
    expect(countyHash(options, batchSize)).toEqual(expected);
  });

  // The walk's shared counters (ID sequences, record ids, posts, class and site places, cadres)
  // must not depend on how the walk is batched.
  const households3000 = 'b4269ec340d6f2cc68571513dcf54d3e3f34f0b64dfce3c03424bfcbc1cd17bd';
  it.each([1, 7, 1000])('default seed, 3,000 workers, batches of %d: the same households', (batchSize) => {
    expect(householdsHash({ workers: 3000 }, batchSize)).toBe(households3000);
  });
});
