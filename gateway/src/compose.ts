import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@jiuye/common';

/**
 * Build-time composition: the committed subgraph SDL in schema/ becomes schema/supergraph.graphql.
 * The URLs written into the supergraph are the local defaults; the gateway can override each
 * one from the environment (HR_URL, …).
 */
export function composeSupergraph(sdlByName: Record<SubgraphName, string>): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://localhost:${DEFAULT_PORTS[name]}/graphql`,
      typeDefs: parse(sdlByName[name]),
    })),
  );
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl + '\n';
}
