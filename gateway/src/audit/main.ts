import './tracing';
import { createLogger, loadAuditConfig, scrubPersonalData, stopOnSignals, type AuditConfig } from '@jiuye/common';
import { startAuditService } from './service';

/** node gateway/dist/audit/main.js: the audit service (AUDIT_PORT, AUDIT_DATABASE_URL, INTERNAL_SIGNING_KEY, PSEUDONYM_KEY). */
let config: AuditConfig;
try {
  config = loadAuditConfig(process.env);
} catch (error) {
  console.error(`audit service cannot start. ${(error as Error).message}`);
  process.exit(1);
}
const logger = createLogger('audit', config.logLevel);
startAuditService(config, { logger })
  .then((running) => stopOnSignals(running, config.drainMs ?? 0, logger))
  .catch((error) => {
    logger.fatal({ error: scrubPersonalData(String((error as Error).stack ?? error)) }, 'audit service failed to start');
    process.exit(1);
  });
