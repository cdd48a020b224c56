import type { AccessReportEntry } from '@jiuye/common';
import type { DepartmentAccess } from '../audit/access-log';
import type { DepartmentStep } from './source';

/**
 * What the department read for whom (its answer's `extensions.accessLog`, accessReportPlugin)
 * goes to this request's access-log reads, tagged with the department, and never to the client.
 */
export function collectAccessReads(department: string): DepartmentStep {
  return (next) => async (request) => {
    const response = await next(request);
    const extensions = takeAccessReads(response.extensions, department, request.context?.reads);
    return extensions === response.extensions ? response : { ...response, extensions };
  };
}

/**
 * Engine-neutral (our data source above and the Hive plugin): a department answer's extensions
 * without `accessLog`, its reads pushed to `collected` tagged with the department. The same
 * object back when there was nothing to take.
 */
export function takeAccessReads(
  extensions: Record<string, unknown> | undefined,
  department: string,
  collected: DepartmentAccess[] | undefined,
): Record<string, unknown> | undefined {
  const reads = extensions?.accessLog as AccessReportEntry[] | undefined;
  if (!extensions || !reads) return extensions;
  if (Array.isArray(reads) && Array.isArray(collected)) {
    for (const read of reads) collected.push({ ...read, subgraph: department });
  }
  const { accessLog: _removed, ...rest } = extensions;
  return rest;
}
