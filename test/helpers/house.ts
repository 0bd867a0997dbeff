import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import YAML from 'yaml';
import { RULESETS_DIR } from '../../src/lint/builtin-rulesets.js';
import { lintSpec } from '../../src/lint/lint-spec.js';
import { loadSpec } from '../../src/load/load-spec.js';
import type { Finding } from '../../src/report/finding.js';

export const HOUSE_FAMILIES = ['naming', 'versioning', 'security', 'design'] as const;

/** The rule files a family's registry (rulesets/<family>.yaml) lists, in order. */
export function registeredRuleFiles(family: string): string[] {
  const registry = YAML.parse(readFileSync(path.join(RULESETS_DIR, `${family}.yaml`), 'utf8')) ?? {};
  const entries: string[] = Array.isArray(registry.extends) ? registry.extends : [];
  return entries.map((entry) => path.resolve(RULESETS_DIR, entry));
}

/** Rule files present on disk for a family, registered or not. */
export function ruleFilesOnDisk(family: string): string[] {
  const dir = path.join(RULESETS_DIR, family);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(dir, name));
}

export async function lintFile(file: string, ruleset: Ruleset): Promise<Finding[]> {
  return lintSpec(await loadSpec(file), ruleset);
}

export function pathsOf(findings: Finding[], ruleId: string): string[] {
  return findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.path.join('.'))
    .sort();
}
