import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/**
 * The load generator, in its own process so that it does not share a CPU with what it
 * measures more than the machine forces: reads one JSON job from the file named in argv, runs autocannon,
 * prints one JSON result.
 */
interface Job {
  url: string;
  body: string;
  /** When given, each request takes one of these bodies at random (different workers, villages…). */
  bodies?: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
  const result = await autocannon({
    url: job.url,
    method: 'POST',
    body: job.body,
    headers: { 'content-type': 'application/json', ...job.headers },
    connections: job.connections,
    duration: job.durationSeconds,
    ...(job.bodies?.length
      ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: job.bodies![Math.floor(Math.random() * job.bodies!.length)] }) }] }
      : {}),
  });
  console.log(
    JSON.stringify({
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p95: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
