import { parseReferencedData } from '../load/parse-data.js';

/**
 * Parsed content of a spec text for comparison (JSON first: much faster on large files), or
 * undefined. Texts from the base commit have not been through lint, so they pass the same spec
 * limits (an alias bomb at the base must not hang the gate); one that fails compares as unknown.
 */
export function parseForComparison(text: string): unknown | undefined {
  try {
    return parseReferencedData(text, 'the base version');
  } catch {
    return undefined;
  }
}
