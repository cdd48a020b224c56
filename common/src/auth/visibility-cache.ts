import { scopeKind, type RequestIdentity } from './identity';

/**
 * What the authorities answered, kept for a short time per process: whether a worker lies in
 * a region (or is transferred to a city, or trained by an institution) changes rarely, and
 * asking hr once per request and department is the largest cost of access control. Keyed by
 * the kind and value of the scope, never by the staff account. A change reaches every
 * department within `ttlSeconds` (ACCESS_CACHE_SECONDS; 0 turns the cache off).
 */
export class VisibilityCache {
  private readonly entries = new Map<string, { visible: boolean; expires: number }>();

  constructor(
    readonly ttlSeconds: number,
    private readonly maxEntries = 200_000,
  ) {}

  private prefix(identity: RequestIdentity): string {
    return `${scopeKind(identity)}|${identity.region ?? identity.partnerCity ?? identity.institution ?? ''}|`;
  }

  /** The cached answers, and the ids still to ask about. */
  lookup(identity: RequestIdentity, workerIds: readonly string[], now = Date.now()): { visible: Set<string>; unknown: string[] } {
    const visible = new Set<string>();
    const unknown: string[] = [];
    if (this.ttlSeconds <= 0) return { visible, unknown: [...workerIds] };
    const prefix = this.prefix(identity);
    for (const id of workerIds) {
      const entry = this.entries.get(prefix + id);
      if (!entry || entry.expires <= now) unknown.push(id);
      else if (entry.visible) visible.add(id);
    }
    return { visible, unknown };
  }

  remember(identity: RequestIdentity, asked: readonly string[], visible: Set<string>, now = Date.now()): void {
    if (this.ttlSeconds <= 0) return;
    const prefix = this.prefix(identity);
    const expires = now + this.ttlSeconds * 1000;
    for (const id of asked) this.entries.set(prefix + id, { visible: visible.has(id), expires });
    if (this.entries.size > this.maxEntries) {
      // Oldest first (a Map keeps insertion order), down to nine tenths of the limit.
      let drop = this.entries.size - Math.floor(this.maxEntries * 0.9);
      for (const key of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(key);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
