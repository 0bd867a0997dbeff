import type { ApigovConfig, DiffLevel, DiffSetting } from '../config/types.js';
import type { Change } from '../diff/types.js';
import { UsageError } from '../errors.js';
import { fileSet } from '../governance/file-set.js';

export interface EffectivePolicy {
  /** `default`, or the profile's name. */
  profile: string;
  failOn: DiffLevel;
  rules: Record<string, DiffSetting>;
}

/**
 * The diff policy for one spec: apigov.yaml `diff:`, refined by a profile — the one --profile
 * names, else the first whose `specs` globs select the spec. A profile's `rules` add to the
 * default ones (same id: the profile wins); its `fail-on`, when set, replaces the default.
 */
export async function policyFor(spec: string, config: ApigovConfig | undefined, profileFlag: string | undefined): Promise<EffectivePolicy> {
  const base: EffectivePolicy = { profile: 'default', failOn: config?.diff.failOn ?? 'error', rules: { ...(config?.diff.rules ?? {}) } };
  const profiles = config?.diff.profiles ?? [];
  let chosen = profileFlag === undefined ? undefined : profiles.find((p) => p.name === profileFlag);
  if (profileFlag !== undefined && !chosen) {
    throw new UsageError(`--profile: no profile "${profileFlag}" in ${config ? 'apigov.yaml diff.profiles' : 'the configuration (there is no apigov.yaml)'}${profiles.length > 0 ? ` (available: ${profiles.map((p) => p.name).join(', ')})` : ''}`);
  }
  for (const profile of profileFlag === undefined ? profiles : []) {
    if (profile.specs.length > 0 && (await fileSet(profile.specs)).has(spec)) {
      chosen = profile;
      break;
    }
  }
  if (!chosen) return base;
  return { profile: chosen.name, failOn: chosen.failOn ?? base.failOn, rules: { ...base.rules, ...chosen.rules } };
}

/** Changes at the levels the policy gives their ids; `off` drops a change. */
export function applyPolicy(changes: readonly Change[], policy: EffectivePolicy): Change[] {
  const result: Change[] = [];
  for (const change of changes) {
    const setting = policy.rules[change.id];
    if (setting === 'off') continue;
    result.push(setting === undefined ? change : { ...change, level: setting });
  }
  return result;
}
