import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents: every graphql(`…`) call in src/ is checked against the public API schema
 * (schema/api.graphql, written by `npm run compose`) and typed in src/gql/ (committed; the web
 * build fails when it is stale: scripts/codegen-check.mjs).
 */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    [process.env.CODEGEN_OUT ?? 'src/gql/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { LocalDate: 'string', DateTimeISO: 'string', DivisionCode: 'string' } },
    },
  },
};

export default config;
