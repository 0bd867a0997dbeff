import path from 'node:path';
import { CASING_STYLES, VERSIONING_STRATEGIES, type ApigovConfig, type RuleSetting } from './types.js';

const RULE_SETTINGS = ['error', 'warn', 'info', 'hint', 'off'];
const TOP_LEVEL_KEYS = ['ruleset', 'specs', 'rules', 'options'];
const OPTION_KEYS = ['casing', 'versioning'];

export interface Validation {
  config?: ApigovConfig;
  errors: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkOneOf(value: unknown, allowed: readonly string[], key: string, errors: string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    errors.push(`${key}: must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  }
}

/** A ruleset given as a relative file path means relative to the config file, not the shell. */
function resolveRulesetReference(reference: string | undefined, base: string): string | undefined {
  if (reference === undefined) return undefined;
  const looksLikeFile = /^\.\.?\//.test(reference) || /\.(ya?ml|json|js|mjs|cjs)$/.test(reference);
  return looksLikeFile && !reference.startsWith('@') ? path.resolve(base, reference) : reference;
}

/**
 * Checks a parsed apigov.yaml and normalises it. Returns every problem with its key path
 * instead of throwing, so the caller can report them together.
 */
export function validateConfig(data: unknown, file: string): Validation {
  const errors: string[] = [];
  if (data === null || data === undefined) data = {};
  if (!isRecord(data)) return { errors: ['the top level must be a mapping'] };
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.includes(key)) errors.push(`${key}: unknown key (allowed: ${TOP_LEVEL_KEYS.join(', ')})`);
  }
  if (data.ruleset !== undefined && typeof data.ruleset !== 'string') errors.push('ruleset: must be a string');
  const specs = data.specs ?? [];
  if (!Array.isArray(specs) || specs.some((s) => typeof s !== 'string')) errors.push('specs: must be a list of paths or globs');
  const rules = data.rules ?? {};
  if (!isRecord(rules)) errors.push('rules: must be a mapping of rule id to severity');
  else for (const [id, value] of Object.entries(rules)) checkOneOf(value, RULE_SETTINGS, `rules.${id}`, errors);
  const options = data.options ?? {};
  if (!isRecord(options)) errors.push('options: must be a mapping');
  else {
    for (const key of Object.keys(options)) {
      if (!OPTION_KEYS.includes(key)) errors.push(`options.${key}: unknown option (allowed: ${OPTION_KEYS.join(', ')})`);
    }
    if (options.casing !== undefined) checkOneOf(options.casing, CASING_STYLES, 'options.casing', errors);
    if (options.versioning !== undefined) checkOneOf(options.versioning, VERSIONING_STRATEGIES, 'options.versioning', errors);
  }
  if (errors.length > 0) return { errors };
  const base = path.dirname(file);
  return {
    errors,
    config: {
      file,
      ruleset: resolveRulesetReference(data.ruleset as string | undefined, base),
      specs: (specs as string[]).map((s) => path.resolve(base, s)),
      rules: rules as Record<string, RuleSetting>,
      options: options as ApigovConfig['options'],
    },
  };
}
