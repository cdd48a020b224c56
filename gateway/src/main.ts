import './tracing';
import path from 'node:path';
import { createLogger, exitOnCrash, loadGatewayConfig, scrubPersonalData, stopOnSignals } from '@jiuye/common';
import { startGateway } from './gateway';

let config;
try {
  config = loadGatewayConfig(process.env, path.resolve(__dirname, '../../schema/supergraph.graphql'), path.resolve(__dirname, '../../web/dist'));
} catch (error) {
  console.error(`gateway cannot start. ${(error as Error).message}`);
  process.exit(1);
}
const logger = createLogger('gateway', config.logLevel);
exitOnCrash(logger, 'gateway');
startGateway(config, { logger })
  .then((running) => stopOnSignals(running, config.drainMs ?? 0, logger))
  .catch((error) => {
    logger.fatal({ error: scrubPersonalData(String((error as Error).stack ?? error)) }, 'gateway failed to start');
    process.exit(1);
  });
