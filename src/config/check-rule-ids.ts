import { allCheckIds } from '../diff/registry.js';
import type { ConfigProblem } from './problems.js';
import { configErrorFor } from './report-problems.js';
import type { ApigovConfig } from './types.js';

/**
 * Codes Spectral reports outside any rule (an unresolvable $ref, a YAML problem), and the ids of
 * apigov's own waiver findings: a waiver or override may name them too.
 */
const ENGINE_CODES = ['invalid-ref', 'parser', 'unrecognized-format', 'apigov-waiver-expired', 'apigov-waiver-unused'];

/**
 * Checks every rule id apigov.yaml names against the ruleset the run loaded (and waivers also
 * against the diff check ids), so a typo is an error with its line instead of a silent no-op.
 */
export function checkRuleIds(config: ApigovConfig, ruleIds: ReadonlySet<string>): void {
  const problems: ConfigProblem[] = [];
  const unknownRule = 'unknown rule id (not in the active ruleset)';
  for (const id of new Set([...Object.keys(config.rules), ...Object.keys(config.applies)])) {
    if (!ruleIds.has(id)) problems.push({ path: ['rules', id], message: unknownRule });
  }
  for (const override of config.overrides) {
    for (const id of Object.keys(override.rules)) {
      if (!ruleIds.has(id) && !ENGINE_CODES.includes(id)) problems.push({ path: ['overrides', override.index, 'rules', id], message: unknownRule });
    }
  }
  const checkIds = new Set(allCheckIds().map((c) => c.id));
  for (const waiver of config.waivers) {
    if (!ruleIds.has(waiver.rule) && !checkIds.has(waiver.rule) && !ENGINE_CODES.includes(waiver.rule)) {
      problems.push({ path: ['waivers', waiver.index, 'rule'], message: `unknown rule or check id "${waiver.rule}" (not in the active ruleset nor a diff check)` });
    }
  }
  if (problems.length > 0) throw configErrorFor(config.file, config.locate, problems);
}
