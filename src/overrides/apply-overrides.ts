import type { RuleOverride, RuleSetting } from '../config/types.js';
import { fileSet } from '../governance/file-set.js';
import { operationAt, operationMatches } from '../governance/operation-pattern.js';
import { isAtOrUnder } from '../governance/pointer-pattern.js';
import { severityFromName, type Finding } from '../report/finding.js';

interface ResolvedOverride {
  override: RuleOverride;
  files?: ReadonlySet<string>;
}

/** Whether an override covers a finding: its files (if any) and one of its places (if any). */
function covers({ override, files }: ResolvedOverride, finding: Finding): boolean {
  if (files && !files.has(finding.source)) return false;
  if (override.pointers.length + override.operations.length === 0) return true;
  if (override.pointers.some((pointer) => isAtOrUnder(pointer, finding.path))) return true;
  const operation = operationAt(finding.path);
  return operation !== undefined && override.operations.some((pattern) => operationMatches(pattern, operation));
}

/**
 * Applies apigov.yaml `overrides:` to lint findings, in order, a later match winning (as in
 * Spectral): a finding takes the severity the last covering override gives its rule, or is
 * dropped for `off`. Rules that run only because an override needs them (`onlyForOverrides`)
 * start from `off`, so their findings survive only where an override turns them on.
 */
export async function applyOverrides(findings: readonly Finding[], overrides: readonly RuleOverride[], onlyForOverrides: ReadonlySet<string>): Promise<Finding[]> {
  if (overrides.length === 0) return [...findings];
  const resolved: ResolvedOverride[] = [];
  for (const override of overrides) resolved.push({ override, files: override.files.length > 0 ? await fileSet(override.files) : undefined });
  const kept: Finding[] = [];
  for (const finding of findings) {
    let setting: RuleSetting | undefined = onlyForOverrides.has(finding.ruleId) ? 'off' : undefined;
    for (const entry of resolved) {
      const ruleSetting = entry.override.rules[finding.ruleId];
      if (ruleSetting !== undefined && covers(entry, finding)) setting = ruleSetting;
    }
    if (setting === 'off') continue;
    kept.push(setting === undefined ? finding : { ...finding, severity: severityFromName(setting)! });
  }
  return kept;
}

/** The rule ids overrides give a severity other than off, which must therefore run. */
export function rulesOverridesEnable(overrides: readonly RuleOverride[]): string[] {
  return [...new Set(overrides.flatMap((o) => Object.entries(o.rules).filter(([, s]) => s !== 'off').map(([id]) => id)))].sort();
}
