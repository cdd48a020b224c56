import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEPARTMENT_NAMES, type SubgraphName } from '@jiuye/common';

/** Starting the services as child processes: shared by npm start and npm run bench. */
export async function waitUntilReady(url: string, child: ChildProcess, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} (see its log above)`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`);
}

export function spawnService(root: string, main: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
  // No load balancer in front of local processes: no drain time on stop (DRAIN_MS in the environment still wins).
  return spawn(process.execPath, [...nodeArgs, path.join(root, main)], { env: { DRAIN_MS: '0', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The database variables one service gets: a department its own database only; the situation
 * read model its own and every department's (it reads their outboxes and rows).
 */
export function databaseEnv(name: SubgraphName, urls: Record<SubgraphName, string>): Record<string, string> {
  const own = { [`${name.toUpperCase()}_DATABASE_URL`]: urls[name] };
  if (name !== 'situation') return own;
  return { ...own, ...Object.fromEntries(DEPARTMENT_NAMES.map((department) => [`${department.toUpperCase()}_DATABASE_URL`, urls[department]])) };
}
