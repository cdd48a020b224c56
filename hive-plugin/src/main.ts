import path from 'node:path';
import { createLogger, loadGatewayConfig, stopOnSignals } from '@jiuye/common';
import { startHiveGateway } from './gateway';

/**
 * Hive Gateway with the plugin on the committed supergraph, configured by the same environment
 * variables as our gateway (gateway/src/main.ts): `npm start -w hive-plugin` after `npm run build`.
 */
let config;
try {
  config = loadGatewayConfig(process.env, path.resolve(__dirname, '../../schema/supergraph.graphql'), path.resolve(__dirname, '../../web/dist'));
} catch (error) {
  console.error(`hive gateway cannot start. ${(error as Error).message}`);
  process.exit(1);
}
const logger = createLogger('hive-gateway', config.logLevel);
startHiveGateway(config, { logger })
  .then((running) => stopOnSignals(running, config.drainMs ?? 0, logger))
  .catch((error) => {
    logger.fatal({ error: String((error as Error).stack ?? error) }, 'hive gateway failed to start');
    process.exit(1);
  });
