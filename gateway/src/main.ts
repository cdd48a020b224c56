import './tracing';
import path from 'node:path';
import { createLogger, loadGatewayConfig } from '@jiuye/common';
import { startGateway } from './gateway';

let config;
try {
  config = loadGatewayConfig(process.env, path.resolve(__dirname, '../../schema/supergraph.graphql'), path.resolve(__dirname, '../../web/dist'));
} catch (error) {
  console.error(`gateway cannot start. ${(error as Error).message}`);
  process.exit(1);
}
const logger = createLogger('gateway', config.logLevel);
startGateway(config, { logger })
  .then((running) => {
    const stop = () =>
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((error) => {
    logger.fatal({ error: String((error as Error).stack ?? error) }, 'gateway failed to start');
    process.exit(1);
  });
