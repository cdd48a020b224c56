import { createHmac } from 'node:crypto';

/**
 * The graph never uses the ID number as a key: partner cities and dashboards must not see it.
 * Every subgraph derives the same keyed pseudonym from it with HMAC-SHA256 and a secret shared
 * by the departments (PSEUDONYM_KEY). Without the key, the pseudonym cannot be reversed by
 * enumerating the (small) space of plausible ID numbers.
 */
export function workerPseudonym(idNumber: string, key: string): string {
  return 'w' + createHmac('sha256', key).update(idNumber, 'utf8').digest('base64url').slice(0, 26);
}
