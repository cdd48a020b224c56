import type { Outcome } from './load';

/** Figures for the long runs: percentiles, least-squares slopes, error counts. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The least-squares slope of y over x (units of y per unit of x); null with fewer than 3 points. */
export function slope(points: { x: number; y: number }[]): number | null {
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface LatencyFigures {
  requests: number;
  errors: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function latencyFigures(outcomes: Outcome[]): LatencyFigures {
  const ms = outcomes.map((o) => o.ms);
  return {
    requests: outcomes.length,
    errors: outcomes.filter((o) => o.error !== null).length,
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    p99: round(percentile(ms, 99)),
    max: round(ms.length ? Math.max(...ms) : null),
  };
}

/** Errors by kind (label → count). */
export function errorKinds(outcomes: Outcome[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const o of outcomes) if (o.error !== null) kinds[o.error] = (kinds[o.error] ?? 0) + 1;
  return kinds;
}
