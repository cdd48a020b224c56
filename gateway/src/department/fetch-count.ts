import type { DepartmentStep } from './source';

/** Requests actually sent to each department (after dedupe): GET /stats, for npm run bench. */
export class FetchCounts {
  private readonly counts = new Map<string, number>();

  /** The step that counts one department's fetches. */
  step(department: string): DepartmentStep {
    this.counts.set(department, this.counts.get(department) ?? 0);
    return (next) => (request) => {
      this.counts.set(department, (this.counts.get(department) ?? 0) + 1);
      return next(request);
    };
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
