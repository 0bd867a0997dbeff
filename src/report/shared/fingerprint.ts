import { createHash } from 'node:crypto';

/**
 * Line-independent fingerprints for results: a hash of what identifies a result logically (rule
 * and location in the API), never of line numbers, so moving or reformatting a spec keeps alerts
 * matched. Results that share a hash get `:1`, `:2`, ... in report order, so two findings of one
 * rule on one object stay distinct.
 */
export function fingerprinter(): (parts: readonly string[]) => string {
  const seen = new Map<string, number>();
  return (parts) => {
    const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex');
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  };
}
