import { serviceUrl } from '@jiuye/common';

/**
 * Each service's memory as its own /metrics reports it (prom-client's default metrics):
 * process_resident_memory_bytes and nodejs_heap_size_used_bytes.
 */
export interface MemorySample {
  /** Seconds since the load started. */
  t: number;
  service: string;
  rssMb: number | null;
  heapUsedMb: number | null;
}

const MB = 1024 * 1024;

function gauge(text: string, name: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) return null;
  const value = Number(line.slice(line.lastIndexOf(' ') + 1));
  return Number.isFinite(value) ? value : null;
}

export async function sampleMemory(services: Record<string, string>, t: number): Promise<MemorySample[]> {
  return Promise.all(
    Object.entries(services).map(async ([service, url]) => {
      try {
        const response = await fetch(serviceUrl(url, '/metrics'), { signal: AbortSignal.timeout(5000) });
        if (!response.ok) return { t, service, rssMb: null, heapUsedMb: null };
        const text = await response.text();
        const rss = gauge(text, 'process_resident_memory_bytes');
        const heap = gauge(text, 'nodejs_heap_size_used_bytes');
        return { t, service, rssMb: rss === null ? null : Math.round((rss / MB) * 10) / 10, heapUsedMb: heap === null ? null : Math.round((heap / MB) * 10) / 10 };
      } catch {
        return { t, service, rssMb: null, heapUsedMb: null };
      }
    }),
  );
}
