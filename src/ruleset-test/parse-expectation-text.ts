import { where } from '../errors.js';
import type { Expectation } from './expectation.js';

/**
 * `expected.txt` / `<case>.expected.txt`: one finding path per line of the rule the folder
 * is named after; blank lines and `#` comments are skipped. The format this repository's own
 * house-rule fixtures use, so they run unchanged.
 */
export function parseExpectationText(text: string, displayName: string): Expectation {
  const findings = text.split(/\r?\n/).flatMap((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return [];
    return [{ path: line, at: where(displayName, index + 1, raw.indexOf(line) + 1) }];
  });
  return { at: where(displayName, 1, 1), options: {}, findings };
}
