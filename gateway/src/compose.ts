import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';
import { AUDIT_SUBGRAPH_NAME, AUDIT_SUBGRAPH_SDL } from './audit/audit-subgraph';

/**
 * Build-time composition: the committed subgraph SDL in schema/ becomes schema/supergraph.graphql.
 * The URLs written into the supergraph are the local defaults; the gateway can override each
 * one from the environment (HR_URL, …). The audit subgraph (the access log) is served inside the
 * gateway; its URL is never called.
 */
export function composeSupergraph(sdlByName: Record<SubgraphName, string>): string {
  const result = composeServices([
    ...SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(sdlByName[name]),
    })),
    { name: AUDIT_SUBGRAPH_NAME, url: `http://localhost:${DEFAULT_PORTS.gateway}/in-process/audit`, typeDefs: parse(AUDIT_SUBGRAPH_SDL) },
  ]);
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl + '\n';
}
