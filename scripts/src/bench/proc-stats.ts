import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU and memory of processes, read from /proc (Linux): CPU as a share of one core over a
 * window, RSS as the peak seen by sampling. No dependency; on other systems the figures are
 * left empty.
 */
const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssBytes(pid: number): number | null {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * PAGE_SIZE;
  } catch {
    return null;
  }
}

/** Every PostgreSQL server process (the postmaster and its backends), counted as one. */
export function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

export interface ProcessFigures {
  /** Average CPU over the window, % of one core. */
  cpuPercent: number | null;
  /** Peak resident memory, MB. */
  rssMb: number | null;
}

/** Samples named processes during a measurement; stop() returns each one's figures. */
export function watchProcesses(groups: Record<string, () => number[]>, intervalMs = 250): { stop(): Record<string, ProcessFigures> } {
  const started = Date.now();
  const startTicks = new Map<string, number>();
  const peak = new Map<string, number>();
  const sum = (name: string, read: (pid: number) => number | null) => groups[name]().reduce((total, pid) => total + (read(pid) ?? 0), 0);
  for (const name of Object.keys(groups)) startTicks.set(name, sum(name, cpuTicks));
  const sample = () => {
    for (const name of Object.keys(groups)) peak.set(name, Math.max(peak.get(name) ?? 0, sum(name, rssBytes)));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const seconds = (Date.now() - started) / 1000;
      const figures: Record<string, ProcessFigures> = {};
      for (const name of Object.keys(groups)) {
        const ticks = sum(name, cpuTicks) - (startTicks.get(name) ?? 0);
        figures[name] = {
          cpuPercent: seconds > 0 ? Math.round((ticks / CLOCK_TICKS / seconds) * 1000) / 10 : null,
          rssMb: peak.has(name) ? Math.round((peak.get(name)! / 1048576) * 10) / 10 : null,
        };
      }
      return figures;
    },
  };
}
