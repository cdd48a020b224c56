import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requireBuiltWeb } from '@jiuye/testing/web';

/**
 * The built app names no other host it could load from (government networks are closed): every
 * http(s) URL in web/dist must be on this list of text that is never fetched — XML namespaces,
 * links in error messages and help text (a URL assembled at run time, `http://${…}`, names no host here). A new entry needs its reason. (The browser tests prove
 * the other half: no request leaves the machine while the pages run.)
 */
const HARMLESS: { prefix: string; why: string }[] = [
  { prefix: 'http://www.w3.org/', why: 'XML namespaces (SVG, XLink, MathML) in React DOM and ECharts' },
  { prefix: 'https://react.dev/errors/', why: "React's minified error messages link to their explanation" },
  { prefix: 'https://github.com/graphql/graphiql', why: 'the GraphiQL logo link' },
  { prefix: 'https://codemirror.net/5/doc/manual.html', why: "GraphiQL's key-map help link" },
  { prefix: 'https://en.wikipedia.org/wiki/IEEE_floating_point', why: 'description text of the built-in Float scalar (graphql-js)' },
  { prefix: 'https://commonmark.org/', why: 'description text of the schema (graphql-js)' },
  { prefix: 'https://yarnpkg.com/en/docs/selective-version-resolutions', why: "graphql-js's duplicate-module error message" },
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

describe('web/dist works offline', () => {
  const dist = requireBuiltWeb();
  const texts = files(dist).filter((file) => /\.(html|js|css|json|svg|txt|webmanifest)$/.test(file));

  it('has the app, its styles and the bundled Chinese font', () => {
    const all = files(dist);
    expect(all.some((file) => file.endsWith('index.html'))).toBe(true);
    expect(all.filter((file) => /noto-sans-sc-.*\.woff2$/.test(file)).length).toBeGreaterThan(50);
    expect(texts.length).toBeGreaterThan(3);
  });

  it('names no external URL except the harmless ones listed', () => {
    const found: string[] = [];
    for (const file of texts) {
      for (const match of readFileSync(file, 'utf8').matchAll(/https?:\/\/[\w-]+[^\s"'`)<>\\]*/g)) {
        if (!HARMLESS.some((entry) => match[0].startsWith(entry.prefix))) found.push(`${path.relative(dist, file)}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('loads no script or style from another origin in index.html', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  });
});
