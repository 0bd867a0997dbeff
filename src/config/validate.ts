import path from 'node:path';
import type { Locator } from '../load/yaml-positions.js';
import { Problems, type ConfigProblem } from './problems.js';
import { CASING_STYLES, VERSIONING_STRATEGIES, type ApigovConfig } from './types.js';
import { validateDiffPolicy } from './validate-diff.js';
import { validateOverrides } from './validate-overrides.js';
import { validateRules } from './validate-rules.js';
import { validateWaivers } from './validate-waivers.js';
import { isHttpUrl } from '../load/http-url.js';

export const TOP_LEVEL_KEYS = ['ruleset', 'specs', 'rules', 'options', 'overrides', 'diff', 'waivers', 'baseline', 'ref-root'];
const OPTION_KEYS = ['casing', 'versioning'];

export interface Validation {
  config?: ApigovConfig;
  errors: ConfigProblem[];
}

/** A ruleset given as a relative file path means relative to the config file, not the shell. */
function resolveRulesetReference(reference: string, base: string): string {
  const looksLikeFile = /^\.\.?\//.test(reference) || /\.(ya?ml|json|js|mjs|cjs)$/.test(reference);
  // A URL stays a URL (loaded only with --allow-remote-ruleset), even when it ends in .yaml.
  return looksLikeFile && !isHttpUrl(reference) && !reference.startsWith('@') ? path.resolve(base, reference) : reference;
}

function validateRuleset(value: unknown, problems: Problems, base: string): string | string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return resolveRulesetReference(value, base);
  const list = problems.stringList(value, ['ruleset'], 'ruleset names, files or packages');
  if (list && list.length === 0) problems.add(['ruleset'], 'must name at least one ruleset');
  return list?.map((reference) => resolveRulesetReference(reference, base));
}

function validateOptions(value: unknown, problems: Problems): ApigovConfig['options'] {
  const options = problems.mapping(value, ['options'], 'a mapping') ?? {};
  problems.knownKeys(options, OPTION_KEYS, ['options'], 'option');
  const result: ApigovConfig['options'] = {};
  if (options.casing !== undefined) result.casing = problems.oneOf(options.casing, CASING_STYLES, ['options', 'casing']);
  if (options.versioning !== undefined) result.versioning = problems.oneOf(options.versioning, VERSIONING_STRATEGIES, ['options', 'versioning']);
  return result;
}

/**
 * Checks a parsed apigov.yaml and normalises it: paths and globs become absolute (relative to
 * the file's folder). Returns every problem with its key path instead of throwing, so the caller
 * can report them with positions. Rule ids are checked later, against the loaded ruleset.
 */
export function validateConfig(data: unknown, file: string, locate: Locator = () => undefined): Validation {
  const problems = new Problems();
  const input = data ?? {};
  const top = problems.mapping(input, [], 'a mapping (the top level of apigov.yaml)');
  if (!top) return { errors: problems.list };
  problems.knownKeys(top, TOP_LEVEL_KEYS, []);
  const base = path.dirname(file);
  const ruleset = validateRuleset(top.ruleset, problems, base);
  const specs = problems.stringList(top.specs, ['specs'], 'paths or globs') ?? [];
  const { rules, applies } = validateRules(top.rules, problems);
  const options = validateOptions(top.options, problems);
  const overrides = validateOverrides(top.overrides, problems, base);
  const diff = validateDiffPolicy(top.diff, problems, base);
  const waivers = validateWaivers(top.waivers, problems, base);
  const baseline = top.baseline === undefined ? undefined : problems.text(top.baseline, ['baseline'], true);
  const refRoot = top['ref-root'] === undefined ? undefined : problems.text(top['ref-root'], ['ref-root'], true);
  if (problems.list.length > 0) return { errors: problems.list };
  return {
    errors: [],
    config: {
      file,
      ruleset,
      specs: specs.map((s) => path.resolve(base, s)),
      rules,
      applies,
      options,
      overrides,
      diff,
      waivers,
      baseline: baseline === undefined ? undefined : path.resolve(base, baseline),
      refRoot: refRoot === undefined ? undefined : path.resolve(base, refRoot),
      locate,
    },
  };
}
