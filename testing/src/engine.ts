import type { GatewayConfig, Logger } from '@jiuye/common';
import { startGateway, type RunningGateway } from '@jiuye/gateway';

/**
 * Which engine serves the committed supergraph in a test: our gateway (gateway/), or Hive
 * Gateway with the plugin (hive-plugin/). GATEWAY_ENGINE=hive runs any test that starts its
 * gateway through startTestPlatform or startGatewayOn against Hive; tests/security/12-hive-engine.test.ts
 * always does.
 */
export type GatewayEngine = 'ours' | 'hive';

export function gatewayEngine(value = process.env.GATEWAY_ENGINE): GatewayEngine {
  if (value === undefined || value === '' || value === 'ours') return 'ours';
  if (value === 'hive') return 'hive';
  throw new Error(`GATEWAY_ENGINE: "${value}" is not an engine; use ours (the default) or hive`);
}

type StartHiveGateway = (config: GatewayConfig, options: { logger?: Logger }) => Promise<RunningGateway>;

/**
 * Starts the engine on this configuration (the same GatewayConfig for both). The plugin package
 * is loaded only for Hive, and by require with its signature restated: its types bring Hive's
 * (through @whatwg-node/fetch, lib.dom, and graphql-yoga's GraphQLErrorExtensions) into every
 * test file's program, where Node's fetch and Apollo's HeaderMap would no longer type-check.
 */
export function startEngine(engine: GatewayEngine, config: GatewayConfig, options: { logger?: Logger } = {}): Promise<RunningGateway> {
  if (engine === 'ours') return startGateway(config, options);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startHiveGateway } = require('@jiuye/hive-plugin') as { startHiveGateway: StartHiveGateway };
  return startHiveGateway(config, options);
}
