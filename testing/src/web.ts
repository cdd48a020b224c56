import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository's built web app (npm run build -w web). */
export const WEB_DIST = path.resolve(__dirname, '../../web/dist');

/** Fails with the command to run when web/dist is missing or older than a source file of the app. */
export function requireBuiltWeb(): string {
  const index = path.join(WEB_DIST, 'index.html');
  const rebuild = 'run `npm run build -w web` (npm test and npm start build it) before the web tests';
  if (!existsSync(index)) throw new Error(`web/dist is missing: ${rebuild}`);
  const built = statSync(index).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).mtimeMs)),
    );
  if (newest(path.resolve(__dirname, '../../web/src')) > built) throw new Error(`web/dist is older than web/src: ${rebuild}`);
  return WEB_DIST;
}
