import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * exitOnCrash (subgraph.ts): a crash ends the process with code 1 and one fatal line in the
 * service's log, scrubbed of ID and phone numbers — run in a real Node process on the built
 * common package, as the services run it.
 */
const COMMON = path.resolve(__dirname, '../dist/index.js');
const ID_NUMBER = '53011319850312001X';

function crash(how: string): { status: number | null; lines: any[]; stderr: string } {
  const script = `
    const { createLogger, exitOnCrash } = require(${JSON.stringify(COMMON)});
    exitOnCrash(createLogger('crash-test'), 'crash-test');
    ${how}
    setTimeout(() => console.log('still running'), 2000);
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  const lines = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  return { status: run.status, lines, stderr: run.stderr };
}

describe('exitOnCrash', () => {
  it('logs an exception nothing caught as one fatal line, scrubbed, and exits with 1', () => {
    const { status, lines, stderr } = crash(`setTimeout(() => { throw new Error('lookup of ${ID_NUMBER} at 13812345678 failed'); }, 10);`);
    expect(status).toBe(1);
    const fatal = lines.filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toBe('crash-test crashed: an exception nothing caught; exiting');
    expect(fatal[0].error).toContain('lookup of [id-number] at [phone] failed');
    expect(JSON.stringify(lines) + stderr).not.toContain(ID_NUMBER);
    expect(JSON.stringify(lines) + stderr).not.toContain('13812345678');
  });

  it('logs a rejection nobody waits for the same way', () => {
    const { status, lines, stderr } = crash(`Promise.reject(new Error('no row for ${ID_NUMBER}'));`);
    expect(status).toBe(1);
    const fatal = lines.filter((line) => line.level === 60);
    expect(fatal.map((line) => line.msg)).toEqual(['crash-test crashed: a promise rejected with nothing waiting for it; exiting']);
    expect(fatal[0].error).toContain('no row for [id-number]');
    expect(stderr).not.toContain(ID_NUMBER);
  });

  it('leaves a process that does not crash alone', () => {
    const { status, lines } = crash(`Promise.reject(new Error('handled')).catch(() => undefined);`);
    expect(status).toBe(0);
    expect(lines.filter((line) => line.level === 60)).toEqual([]);
  });
});
