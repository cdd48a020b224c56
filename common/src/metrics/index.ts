export { ServiceMetrics, METRIC_PREFIX, LATENCY_BUCKETS, type Outcome } from './registry';
export { BoundedLabel, operationLabels, errorCodeLabels, ANONYMOUS_OPERATION, UNRESOLVED_OPERATION, MAX_OPERATION_LABELS, MAX_ERROR_CODE_LABELS } from './labels';
export { pgPoolUse, knexPoolUse, type PoolUse } from './pools';
export { metricsPlugin, errorCodesOf } from './graphql-plugin';
export { newRequestRecord, requestRecordOf, attachRequestRecord, REQUEST_RECORD, type RequestRecord } from './request-record';
export { logRequest, summarise, type RequestSummary } from './request-log';
