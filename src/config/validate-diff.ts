import path from 'node:path';
import { allCheckIds } from '../diff/registry.js';
import { Problems, type KeyPath } from './problems.js';
import { DIFF_LEVELS, DIFF_SETTINGS, type DiffPolicy, type DiffProfile, type DiffSetting } from './types.js';

const DIFF_KEYS = ['fail-on', 'rules', 'profiles'];
const PROFILE_KEYS = ['specs', 'fail-on', 'rules'];

function validateCheckLevels(value: unknown, problems: Problems, at: KeyPath, known: Set<string>): Record<string, DiffSetting> {
  const result: Record<string, DiffSetting> = {};
  const rules = problems.mapping(value, at, 'a mapping of check id to level');
  for (const [id, setting] of Object.entries(rules ?? {})) {
    if (!known.has(id)) {
      problems.add([...at, id], 'unknown check id (run "apigov rules" to list them)');
      continue;
    }
    const level = problems.oneOf(setting, DIFF_SETTINGS, [...at, id]);
    if (level) result[id] = level;
  }
  return result;
}

/**
 * `diff:` — the policy `apigov check` judges breaking changes by: `fail-on` (the lowest level that
 * fails), `rules` (a level or `off` per check id) and named `profiles` that refine both for the
 * specs their globs select (or for every spec with --profile).
 */
export function validateDiffPolicy(value: unknown, problems: Problems, base: string): DiffPolicy & { profiles: DiffProfile[] } {
  const known = new Set(allCheckIds().map((c) => c.id));
  const policy: DiffPolicy & { profiles: DiffProfile[] } = { failOn: 'error', rules: {}, profiles: [] };
  const diff = problems.mapping(value, ['diff'], 'a mapping with fail-on, rules and profiles');
  if (!diff) return policy;
  problems.knownKeys(diff, DIFF_KEYS, ['diff']);
  if (diff['fail-on'] !== undefined) policy.failOn = problems.oneOf(diff['fail-on'], DIFF_LEVELS, ['diff', 'fail-on']) ?? 'error';
  policy.rules = validateCheckLevels(diff.rules, problems, ['diff', 'rules'], known);
  const profiles = problems.mapping(diff.profiles, ['diff', 'profiles'], 'a mapping of profile name to {specs, fail-on, rules}');
  for (const [name, entry] of Object.entries(profiles ?? {})) {
    const at = ['diff', 'profiles', name];
    const profile = problems.mapping(entry, at, 'a mapping with specs, fail-on and rules');
    if (!profile) continue;
    problems.knownKeys(profile, PROFILE_KEYS, at);
    const specs = problems.stringList(profile.specs, [...at, 'specs'], 'spec globs') ?? [];
    const failOn = profile['fail-on'] === undefined ? undefined : problems.oneOf(profile['fail-on'], DIFF_LEVELS, [...at, 'fail-on']);
    const rules = validateCheckLevels(profile.rules, problems, [...at, 'rules'], known);
    policy.profiles.push({ name, specs: specs.map((s) => path.resolve(base, s)), failOn, rules });
  }
  return policy;
}
