import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { SEVERITY_NAMES, type SeverityName } from '../report/finding.js';
import { HOUSE_RULESETS } from './builtin-rulesets.js';
import { loadRuleset } from './load-ruleset.js';
import { SPECTRAL_RULESET_NAMES, spectralRuleset } from './spectral-builtins.js';
import { describeThen, givenOf } from './rule-summary.js';

export const FIXTURES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/lint');

export interface RuleEntry {
  id: string;
  /** `apigov:naming`, `spectral:oas`, or the file of a user's ruleset. */
  ruleset: string;
  /** Severity as the catalogued ruleset applies it; `off` when not enabled. */
  severity: SeverityName | 'off';
  description: string;
  rationale?: string;
  /** Where the rule looks (its `given` JSONPath expressions, aliases unexpanded). */
  given: string[];
  /** What it checks there, one line per `then`: field, function, options. */
  then: string[];
  /** The failing and passing fixture texts, for house rules. */
  bad?: string;
  good?: string;
}

function readFixture(id: string, name: 'invalid.yaml' | 'valid.yaml'): string | undefined {
  const file = path.join(FIXTURES_DIR, id, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function entryFor(id: string, ruleset: Ruleset, owner: string): RuleEntry {
  const rule = ruleset.rules[id]!;
  const definition = rule.definition as Record<string, unknown>;
  return {
    id,
    ruleset: owner,
    severity: rule.enabled && rule.severity >= 0 ? SEVERITY_NAMES[rule.severity as 0] : 'off',
    description: rule.description ?? '',
    rationale: typeof definition['x-rationale'] === 'string' ? (definition['x-rationale'] as string).trim() : undefined,
    given: givenOf(definition),
    then: rule.then.map(describeThen),
    bad: readFixture(id, 'invalid.yaml'),
    good: readFixture(id, 'valid.yaml'),
  };
}

/** Which house ruleset defines each apigov rule id. */
async function houseOwners(cwd: string): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const name of HOUSE_RULESETS.filter((n) => n !== 'recommended')) {
    const ruleset = await loadRuleset(`apigov:${name}`, cwd);
    for (const id of Object.keys(ruleset.rules)) owners.set(id, `apigov:${name}`);
  }
  return owners;
}

/**
 * For a user's ruleset: its own rules are attributed to it; rules it inherits to the house
 * ruleset or Spectral ruleset that defines them, so published docs say where each comes from.
 */
async function inheritedOwners(cwd: string): Promise<Map<string, string>> {
  const owners = await houseOwners(cwd);
  for (const name of SPECTRAL_RULESET_NAMES) {
    for (const id of Object.keys((spectralRuleset(name) as { rules: object }).rules)) owners.set(id, name);
  }
  return owners;
}

/**
 * Every rule of a ruleset with its metadata. For the default (apigov:recommended) each rule
 * is attributed to the house ruleset or spectral:oas it comes from; for a user's ruleset,
 * each inherited rule to the ruleset it was inherited from.
 */
export async function buildCatalog(reference: string, cwd: string): Promise<RuleEntry[]> {
  const ruleset = await loadRuleset(reference, cwd);
  const builtIn = reference.startsWith('apigov:') || reference.startsWith('spectral:');
  if (builtIn) {
    const owners = reference === 'apigov:recommended' ? await houseOwners(cwd) : new Map<string, string>();
    const fallbackOwner = reference === 'apigov:recommended' ? 'spectral:oas' : reference;
    return Object.keys(ruleset.rules)
      .sort()
      .map((id) => entryFor(id, ruleset, owners.get(id) ?? fallbackOwner));
  }
  const inherited = await inheritedOwners(cwd);
  return Object.keys(ruleset.rules)
    .sort()
    .map((id) => entryFor(id, ruleset, ruleset.rules[id]!.owner === ruleset ? reference : (inherited.get(id) ?? reference)));
}
