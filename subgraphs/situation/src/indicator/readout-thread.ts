import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Region } from '../region/region.types';
import type { IndicatorDates, PeriodFamily, StockFigures, VillageFigures } from './indicator.service';
import { buildReadout, readoutTree, type IndicatorFigures, type IndicatorReadout } from './readout';

/** What buildReadout takes for one period (plain data: it crosses to the worker thread as is). */
export interface ReadoutInputs {
  d: IndicatorDates;
  family: PeriodFamily;
  stocks: StockFigures;
  villages: readonly string[];
  byPeriod: ReadonlyMap<string, VillageFigures>;
  threshold: number;
}

/**
 * A period's figures read out for every node of its hierarchy (county, townships, villages),
 * and what any other code reads (a division with no village in the registry: every figure 0).
 */
export interface ReadOutFigures {
  byNode: Map<string, IndicatorFigures>;
  elsewhere: IndicatorFigures;
}

/** A job sent to the worker: readouts sharing their family tables, as one request's series does. */
export interface ReadoutJob {
  id: number;
  readouts: ReadoutInputs[];
}

export type ReadoutAnswer = { id: number; figures: ReadOutFigures[] } | { id: number; error: string };

/**
 * The readouts of these periods (buildReadout), built on a worker thread (issue 16). Deciding
 * which cells to withhold (common/src/suppression.ts) is pure CPU — at 10^6 workers about a
 * minute for a calendar family (a year, its quarters and months) — and on the service's event
 * loop it held every other request: after a start, while the indicators warmed, rosters and
 * exports timed out. The worker builds the tables from the same figures as the service would
 * and reads every node of the hierarchy out of them; the service keeps only those figures
 * (smaller than the tables) and answers any region from them, exactly what the tables give.
 *
 * One worker per process, started at the first use and stopped after a minute without work
 * (idleStopMs), jobs one at a time (one core for this work; the event loop keeps the other).
 * Where the worker cannot run (its compiled script absent, it failed or exited) the same figures
 * are read out here, on the event loop, as the tables were built before.
 */
export async function buildReadoutsOffThread(readouts: ReadoutInputs[]): Promise<IndicatorReadout[]> {
  return (await readOutFiguresOffThread(readouts)).map(readoutOf);
}

/** Every division's figures of these periods (buildReadoutsOffThread before they become readouts): what kept.ts stores. */
export async function readOutFiguresOffThread(readouts: ReadoutInputs[]): Promise<ReadOutFigures[]> {
  const figures = await readOutOffThread(readouts).catch((error: Error) => {
    fallback?.(error.message);
    return null;
  });
  return figures ?? readOutEveryNode(readouts);
}

let fallback: ((reason: string) => void) | null = null;

/**
 * Told when a job the worker took is built on this thread instead (the worker failed, exited or
 * was stopped under it), with why: the service logs it (index.ts). Not told when no worker can
 * start at all (its compiled script absent: tests of the sources alone).
 */
export function onReadoutFallback(listener: ((reason: string) => void) | null): void {
  fallback = listener;
}

/** A readout answering any region out of its figures read out for every division. */
export function readoutOf({ byNode, elsewhere }: ReadOutFigures): IndicatorReadout {
  return (region: Region) => byNode.get(region.code) ?? elsewhere;
}

/** The readouts built here, the periods of one family sharing their flow tables. */
export function buildReadouts(readouts: readonly ReadoutInputs[]): IndicatorReadout[] {
  const familyTables = new Map<string, unknown>();
  return readouts.map(({ d, family, stocks, villages, byPeriod, threshold }) => buildReadout(d, family, stocks, villages, byPeriod, threshold, familyTables));
}

/** Every node's figures out of each readout (the worker's half). */
export function readOutEveryNode(readouts: readonly ReadoutInputs[]): ReadOutFigures[] {
  return buildReadouts(readouts).map((readout, i) => {
    const { stocks, villages, family, byPeriod } = readouts[i];
    const tree = readoutTree(
      villages,
      stocks,
      family.periods.map((p) => byPeriod.get(p.code) ?? new Map()),
    );
    const at = (code: string) => readout({ code, name: code, level: '' } as Region);
    return { byNode: new Map(tree.nodes.map((code) => [code, at(code)])), elsewhere: at('') };
  });
}

/** The compiled worker beside this module; under ts-jest (this file is .ts) the build's copy in dist. */
function workerScript(): string | null {
  const here = __filename.endsWith('.ts') ? __dirname.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`) : __dirname;
  const script = path.join(here, 'readout.worker.js');
  return existsSync(script) ? script : null;
}

/**
 * An idle worker is stopped after this long: building a calendar family's tables at 10^6 takes
 * the worker's heap to several hundred MB that V8 keeps; a new worker starts in well under a second.
 */
let idleStopMs = 60_000;

/** How long an idle worker is kept (tests shorten it). */
export function setReadoutWorkerIdleStop(ms: number): void {
  idleStopMs = ms;
}

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (figures: ReadOutFigures[]) => void; reject: (error: Error) => void }>();

function startWorker(): Worker | null {
  if (worker) return worker;
  const script = workerScript();
  if (!script) return null;
  const started = new Worker(script);
  // An idle worker does not hold the service's exit (referenced again while a job is out).
  started.unref();
  started.on('message', (answer: ReadoutAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (pending.size === 0) idle(started);
    if ('error' in answer) waiting.reject(new Error(answer.error));
    else waiting.resolve(answer.figures);
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(error);
    }
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the indicator worker exited (${code})`)));
  worker = started;
  return worker;
}

/** No job out: the worker no longer holds the process, and stops unless a job comes within idleStopMs. */
function idle(started: Worker): void {
  started.unref();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (worker === started && pending.size === 0) void stopReadoutWorker();
  }, idleStopMs);
  idleTimer.unref();
}

function readOutOffThread(readouts: ReadoutInputs[]): Promise<ReadOutFigures[] | null> {
  const target = startWorker();
  if (!target) return Promise.resolve(null);
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const id = nextId++;
  return new Promise<ReadOutFigures[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.ref();
    const job: ReadoutJob = { id, readouts };
    target.postMessage(job);
  });
}

/** Whether the worker thread is running (tests). */
export function readoutWorkerRunning(): boolean {
  return worker !== null;
}

/** Stops the worker; jobs under way are built here instead. */
export async function stopReadoutWorker(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const stopping = worker;
  worker = null;
  if (stopping) await stopping.terminate();
}
