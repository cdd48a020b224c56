import type { AccessReportEntry } from '@jiuye/common';
import type { DepartmentStep } from './source';

/**
 * What the department read for whom (its answer's `extensions.accessLog`, accessReportPlugin)
 * goes to this request's access-log reads, tagged with the department, and never to the client.
 */
export function collectAccessReads(department: string): DepartmentStep {
  return (next) => async (request) => {
    const response = await next(request);
    const reads = response.extensions?.accessLog as AccessReportEntry[] | undefined;
    if (!reads) return response;
    const collected = request.context?.reads;
    if (Array.isArray(reads) && Array.isArray(collected)) {
      for (const read of reads) collected.push({ ...read, subgraph: department });
    }
    const { accessLog: _removed, ...rest } = response.extensions!;
    return { ...response, extensions: rest };
  };
}
