import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printSubgraphSdl, SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';
import { AUDIT_SUBGRAPH_SDL, composeSchemas } from '@jiuye/gateway';
import { SUBGRAPH_MODULES } from '@jiuye/devtools';

/** npm run compose: prints each subgraph's SDL into schema/ and composes schema/supergraph.graphql. */
async function main(): Promise<void> {
  const schemaDir = path.resolve(__dirname, '../../schema');
  await mkdir(schemaDir, { recursive: true });
  const sdl = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    sdl[name] = await printSubgraphSdl(SUBGRAPH_MODULES[name]);
    await writeFile(path.join(schemaDir, `${name}.graphql`), sdl[name]);
    console.log(`schema/${name}.graphql`);
  }
  await writeFile(path.join(schemaDir, 'audit.graphql'), AUDIT_SUBGRAPH_SDL);
  console.log('schema/audit.graphql (the access log, the audit service: gateway/src/audit/service.ts)');
  const composed = composeSchemas(sdl);
  await writeFile(path.join(schemaDir, 'supergraph.graphql'), composed.supergraph);
  console.log('schema/supergraph.graphql composed');
  await writeFile(path.join(schemaDir, 'api.graphql'), composed.api);
  console.log('schema/api.graphql (the public API clients see; web/src/gql is generated from it: npm run codegen -w web)');
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
