/**
 * tests/security.test.ts (tokens, purposes, dashboards, forged identities at the departments, the access log and its chain, withheld answers), against Hive Gateway with the plugin (hive-plugin/) instead of our gateway: the same
 * test file, every gateway it starts (startTestPlatform, startGatewayOn) being Hive
 * (testing/src/engine.ts; jest gives each test file its own process.env).
 */
process.env.GATEWAY_ENGINE = 'hive';
import '../security.test';
