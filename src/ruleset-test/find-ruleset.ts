import { existsSync } from 'node:fs';
import path from 'node:path';
import { RulesetTestError } from './expectation.js';

/** Names a ruleset kept next to its tests may have, in the order they are looked for. */
export const RULESET_FILE_NAMES = ['.spectral.yaml', '.spectral.yml', '.spectral.json', '.spectral.js', '.spectral.mjs', 'ruleset.yaml', 'ruleset.yml', 'ruleset.json', 'ruleset.js', 'ruleset.mjs'];

/**
 * The ruleset in the test directory. Two candidates are an error rather than a silent pick:
 * testing the wrong ruleset green is worse than asking for --ruleset.
 */
export function findRulesetIn(dir: string, display: (file: string) => string): string {
  const found = RULESET_FILE_NAMES.map((name) => path.join(dir, name)).filter((file) => existsSync(file));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new RulesetTestError(`${display(dir)}: no ruleset found (looked for ${RULESET_FILE_NAMES.join(', ')}); name one with --ruleset`);
  throw new RulesetTestError(`${display(dir)}: several rulesets found (${found.map((file) => path.basename(file)).join(', ')}); name one with --ruleset`);
}
