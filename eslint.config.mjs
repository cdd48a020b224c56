// ESLint flat config: typescript-eslint's recommended rules (not type-aware, so lint takes
// seconds) plus the import boundaries of docs/architecture.md ("who may import whom").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const DEPARTMENTS = ['hr', 'poverty', 'civil', 'training', 'partner'];

// Every file: no reaching into another package by a relative path (../../devtools/src/x,
// ../../scripts/src/x, ../gateway/test/support), and no deep import of a package's src by name.
const RELATIVE_REACH = [
  {
    regex: '^(\\.\\./)+([^./][^/]*/)+src(/|$)',
    message: "Another package's src/ by a relative path: import the package (@jiuye/...) instead (docs/architecture.md).",
  },
  {
    regex: '^(\\.\\./)+(common|subgraphs|gateway|hive-plugin|devtools|testing|scripts|tests)(/|$)|^(\\.\\./){2,}(hr|poverty|civil|training|partner|situation)/',
    message: 'A relative path out of this package: import the package (@jiuye/...) instead (docs/architecture.md).',
  },
  {
    regex: '^@jiuye/[^/]+/(src|test|dist)(/|$)',
    message: "A package's internals: import its public entry (@jiuye/<name>) instead.",
  },
];

/**
 * The same boundaries for the module specifiers no-restricted-imports does not see:
 * `require('x')`, `require.resolve('x')`, `import('x')` and the type `typeof import('x')`
 * (TypeScript's `import x = require('x')` no-restricted-imports checks itself). Options as
 * no-restricted-imports' `patterns` (regex + message); a specifier that is not a plain string
 * (a computed path) is not checked.
 */
const noRestrictedRequire = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { patterns: { type: 'array' } }, additionalProperties: false }] },
  create(context) {
    const patterns = (context.options[0]?.patterns ?? []).map((p) => ({ regex: new RegExp(p.regex), message: p.message }));
    const specifier = (node) => {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return null;
    };
    const check = (node, source) => {
      const name = specifier(source);
      if (name === null) return;
      const hit = patterns.find((p) => p.regex.test(name));
      if (hit) context.report({ node, message: `'${name}' import is restricted from being used by a pattern. ${hit.message}` });
    };
    const isRequire = (callee) =>
      (callee.type === 'Identifier' && callee.name === 'require') ||
      (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'require' && callee.property.name === 'resolve');
    return {
      CallExpression: (node) => isRequire(node.callee) && check(node, node.arguments[0]),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

/**
 * The import boundaries with the relative-reach patterns plus `extra`, for static imports
 * (no-restricted-imports) and require / dynamic import (boundaries/no-restricted-require); one
 * rule value per file (flat config replaces, not merges).
 */
const restrict = (...extra) => {
  const patterns = [...RELATIVE_REACH, ...extra];
  return { 'no-restricted-imports': ['error', { patterns }], 'boundaries/no-restricted-require': ['error', { patterns }] };
};

const ONLY_COMMON = {
  regex: '^@jiuye/(?!common(/tracing)?$)',
  message: 'Production code of a subgraph or the gateway imports only @jiuye/common: no other department, situation, gateway, devtools or testing (docs/architecture.md).',
};

export default tseslint.config(
  {
    ignores: ['**/dist/**', 'web/src/gql/**', '**/node_modules/**', 'schema/**', '**/.data/**', '**/.pgdata/**', '**/coverage/**', '.bench/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `any` is deliberate at the GraphQL boundaries (responses, reference resolvers, raw rows) and in tests.
      '@typescript-eslint/no-explicit-any': 'off',
      // `const { dropped: _dropped, ...rest } = x` omits a field; a leading underscore marks it unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The few plain JavaScript files (jest config, summary reporter, scripts) are CommonJS or ESM on Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ---- Import boundaries (docs/architecture.md) ----
  { plugins: { boundaries: { rules: { 'no-restricted-require': noRestrictedRequire } } } },
  { files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'], rules: restrict() },
  {
    // The web app runs in the browser and talks to the platform through the graph only: none of our Node packages
    // (but the pure-data list of purposes of use, @jiuye/common/purposes, which Vite bundles on its own).
    files: ['web/**/*.ts', 'web/**/*.tsx', 'web/**/*.mjs'],
    rules: restrict({ regex: '^@jiuye/(?!common/purposes$)', message: 'The web app reaches the platform through /graphql only (docs/architecture.md).' }),
  },
  {
    files: ['common/src/**/*.ts'],
    rules: restrict({ regex: '^@jiuye/', message: 'common depends on nothing of ours (docs/architecture.md).' }),
  },
  ...DEPARTMENTS.map((dept) => ({ files: [`subgraphs/${dept}/src/**/*.ts`], rules: restrict(ONLY_COMMON) })),
  { files: ['subgraphs/situation/src/**/*.ts', 'gateway/src/**/*.ts'], rules: restrict(ONLY_COMMON) },
  {
    // The Hive Gateway plugin: common and the gateway's engine-neutral duties (@jiuye/gateway/duties), nothing else of ours.
    files: ['hive-plugin/src/**/*.ts'],
    rules: restrict({
      regex: '^@jiuye/(?!(common(/tracing)?|gateway/duties)$)',
      message: 'The Hive plugin imports @jiuye/common and @jiuye/gateway/duties only (docs/architecture.md).',
    }),
  },
  {
    files: ['devtools/src/**/*.ts'],
    rules: restrict({ regex: '^@jiuye/(gateway|testing)(/|$)', message: 'devtools imports common and the subgraphs only (docs/architecture.md).' }),
  },
);
