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
    regex: '^(\\.\\./)+(common|subgraphs|gateway|devtools|testing|scripts|tests)(/|$)|^(\\.\\./){2,}(hr|poverty|civil|training|partner|situation)/',
    message: 'A relative path out of this package: import the package (@jiuye/...) instead (docs/architecture.md).',
  },
  {
    regex: '^@jiuye/[^/]+/(src|test|dist)(/|$)',
    message: "A package's internals: import its public entry (@jiuye/<name>) instead.",
  },
];

/** no-restricted-imports with the relative-reach patterns plus `extra`; one rule value per file (flat config replaces, not merges). */
const restrict = (...extra) => ({ 'no-restricted-imports': ['error', { patterns: [...RELATIVE_REACH, ...extra] }] });

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
    files: ['devtools/src/**/*.ts'],
    rules: restrict({ regex: '^@jiuye/(gateway|testing)(/|$)', message: 'devtools imports common and the subgraphs only (docs/architecture.md).' }),
  },

  // ---- Known exceptions (docs/architecture.md, "Known exceptions, to remove"), each scoped to its files ----
  {
    // jest's globalSetup/globalTeardown are loaded outside the module mapper, so they cannot use @jiuye/devtools.
    files: ['testing/src/global-setup.ts', 'testing/src/global-teardown.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: RELATIVE_REACH.map((p) => ({ ...p, regex: `^(?!\\.\\./\\.\\./devtools/src/embedded-postgres$)(?:${p.regex.slice(1)})` })) }],
    },
  },
  {
    // The harness builds constructed read-model rows with situation internals the package does not export.
    files: ['testing/src/situation.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: RELATIVE_REACH.map((p) => ({ ...p, regex: `^(?!\\.\\./\\.\\./subgraphs/situation/src/)(?:${p.regex.slice(1)})` })) }] },
  },
  {
    // The roles test runs npm start's role provisioning (scripts/src/database-roles.ts), which scripts does not publish as a package.
    files: ['tests/security/01-database-roles.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: RELATIVE_REACH.map((p) => ({ ...p, regex: `^(?!\\.\\./\\.\\./scripts/src/database-roles$)(?:${p.regex.slice(1)})` })) }],
    },
  },
);
