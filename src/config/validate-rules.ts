import { isRecord, Problems, type KeyPath } from './problems.js';
import { APPLIES_VALUES, RULE_SETTINGS, type Applies, type RuleSetting } from './types.js';

const RULE_KEYS = ['severity', 'applies'];

export interface RuleSettings {
  rules: Record<string, RuleSetting>;
  applies: Record<string, Applies>;
}

/**
 * `rules:` maps a rule id to a severity (`info-contact: error`) or to a mapping with `severity`
 * and/or `applies` (`{severity: warn, applies: always}`), so the common case stays one word.
 */
export function validateRules(value: unknown, problems: Problems, path: KeyPath = ['rules']): RuleSettings {
  const result: RuleSettings = { rules: {}, applies: {} };
  const rules = problems.mapping(value, path, 'a mapping of rule id to severity');
  for (const [id, setting] of Object.entries(rules ?? {})) {
    if (!isRecord(setting)) {
      const severity = problems.oneOf(setting, RULE_SETTINGS, [...path, id]);
      if (severity) result.rules[id] = severity;
      continue;
    }
    problems.knownKeys(setting, RULE_KEYS, [...path, id]);
    if (setting.severity !== undefined) {
      const severity = problems.oneOf(setting.severity, RULE_SETTINGS, [...path, id, 'severity']);
      if (severity) result.rules[id] = severity;
    }
    if (setting.applies !== undefined) {
      const applies = problems.oneOf(setting.applies, APPLIES_VALUES, [...path, id, 'applies']);
      if (applies) result.applies[id] = applies;
    }
  }
  return result;
}

/** A plain `id: severity` mapping, as overrides take. */
export function validateSeverities(value: unknown, problems: Problems, path: KeyPath): Record<string, RuleSetting> {
  const result: Record<string, RuleSetting> = {};
  const rules = problems.mapping(value, path, 'a mapping of rule id to severity');
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const severity = problems.oneOf(setting, RULE_SETTINGS, [...path, id]);
    if (severity) result[id] = severity;
  }
  return result;
}
