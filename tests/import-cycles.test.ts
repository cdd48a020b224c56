import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCycles, importGraph } from '@jiuye/testing/import-cycles';

/** Each package's src: a module graph without cycles (issue 12, item 4: the situation cycle context → loaders → household → region). */
const ROOT = path.resolve(__dirname, '..');
const PACKAGES = ['common', ...['hr', 'poverty', 'civil', 'training', 'partner', 'situation'].map((d) => `subgraphs/${d}`), 'gateway', 'devtools', 'testing', 'scripts', 'web'];

describe('import cycles', () => {
  it.each(PACKAGES)('%s/src has none', (pkg) => {
    const graph = importGraph(path.join(ROOT, pkg, 'src'));
    expect(graph.size).toBeGreaterThan(3);
    const cycles = findCycles(graph).map((cycle) => cycle.join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle and names it; type-only imports make none', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'jiuye-cycles-'));
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        writeFileSync(path.join(folder, file), text);
      };
      write('context.ts', "import { loaders } from './loaders';\nexport const context = loaders;\n");
      write('loaders.ts', "export { household } from './household';\nexport const loaders = 1;\n");
      write('household/index.ts', "const region = require('../region');\nexport const household = region;\n");
      write('region.ts', "export const region = () => import('./context');\n");
      write('types-a.ts', "import type { B } from './types-b';\nexport type A = B;\n");
      write('types-b.ts', "import { type A } from './types-a';\nexport type B = A | 1;\n");
      write('alone.ts', "import './loaders';\n");
      const cycles = findCycles(importGraph(folder));
      expect(cycles).toEqual([['context.ts', 'loaders.ts', 'household/index.ts', 'region.ts', 'context.ts']]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
