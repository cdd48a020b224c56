import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';
import { AUDIT_SUBGRAPH_NAME, AUDIT_SUBGRAPH_SDL } from './audit/audit-subgraph';

/**
 * Build-time composition: the committed subgraph SDL in schema/ becomes schema/supergraph.graphql.
 * The URLs written into the supergraph are the local defaults; the gateway can override each
 * one from the environment (HR_URL, …, AUDIT_URL). The audit subgraph (the access log) is its own
 * service (gateway/src/audit/service.ts), routed to like a department.
 */
export function composeSupergraph(sdlByName: Record<SubgraphName, string>): string {
  return composeSchemas(sdlByName).supergraph;
}

/**
 * The supergraph and the public API schema (schema/api.graphql): what clients see, without the
 * federation directives and join types. The web app's typed documents are generated from it
 * (web/codegen.ts).
 */
export function composeSchemas(sdlByName: Record<SubgraphName, string>): { supergraph: string; api: string } {
  const result = composeServices([
    ...SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(sdlByName[name]),
    })),
    { name: AUDIT_SUBGRAPH_NAME, url: `http://localhost:${DEFAULT_PORTS.audit}/graphql`, typeDefs: parse(AUDIT_SUBGRAPH_SDL) },
  ]);
  if (result.errors?.length || !result.schema) {
    throw new Error(`composition failed:\n${(result.errors ?? []).map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return { supergraph: result.supergraphSdl + '\n', api: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) + '\n' };
}
