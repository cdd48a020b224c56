// Fails the web build when src/gql/ is not what graphql-codegen makes of schema/api.graphql and
// the documents in src/ today: regenerate into a temporary folder and compare file by file.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '..');
const committed = path.join(web, 'src/gql');
const codegen = path.join(path.dirname(createRequire(import.meta.url).resolve('@graphql-codegen/cli/package.json')), 'cjs/bin.js');
const fresh = mkdtempSync(path.join(tmpdir(), 'jiuye-gql-'));
try {
  execFileSync(process.execPath, [codegen, '--config', 'codegen.ts', '--silent'], {
    cwd: web,
    env: { ...process.env, CODEGEN_OUT: fresh + '/' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = (dir) => readdirSync(dir).sort();
  const stale = [];
  const all = new Set([...names(committed), ...names(fresh)]);
  for (const name of all) {
    let a = null;
    let b = null;
    try {
      a = readFileSync(path.join(committed, name), 'utf8');
    } catch {
      /* missing */
    }
    try {
      b = readFileSync(path.join(fresh, name), 'utf8');
    } catch {
      /* missing */
    }
    if (a !== b) stale.push(name);
  }
  if (stale.length) {
    console.error(`web/src/gql is stale (${stale.join(', ')}): run \`npm run codegen -w web\` and commit web/src/gql`);
    process.exit(1);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
