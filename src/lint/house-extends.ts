import { promises as fs } from 'node:fs';
import { RulesetError } from '../errors.js';
import { yaml } from '../load/yaml-module.js';
import { describeYamlError } from '../yaml-error.js';
import { houseRulesetFile } from './builtin-rulesets.js';

type RulesetShape = { extends?: unknown; overrides?: unknown };

function rewriteEntry(entry: unknown): unknown {
  if (typeof entry === 'string') return houseRulesetFile(entry) ?? entry;
  if (Array.isArray(entry) && typeof entry[0] === 'string') return [houseRulesetFile(entry[0]) ?? entry[0], ...entry.slice(1)];
  return entry;
}

function rewriteExtends(value: unknown): unknown {
  return Array.isArray(value) ? value.map(rewriteEntry) : rewriteEntry(value);
}

/**
 * Spectral's ruleset migrator only knows `spectral:*` names. Before it reads a declarative
 * ruleset we point each `apigov:<name>` in `extends` (top level and overrides) at the
 * shipped YAML file, so user rulesets can extend ours exactly as they extend Spectral's.
 */
export function rewriteHouseExtends(text: string, file: string): string {
  const document = yaml().parseDocument(text, { merge: true, prettyErrors: true });
  const syntax = document.errors[0];
  if (syntax) {
    throw new RulesetError(describeYamlError(file, syntax, 'not valid YAML or JSON'));
  }
  if (!text.includes('apigov:')) return text;
  const data = document.toJS() as RulesetShape;
  if (data === null || typeof data !== 'object') return text;
  if ('extends' in data) data.extends = rewriteExtends(data.extends);
  if (Array.isArray(data.overrides)) {
    for (const override of data.overrides) {
      if (override && typeof override === 'object' && 'extends' in override) override.extends = rewriteExtends(override.extends);
    }
  }
  return JSON.stringify(data);
}

/** The `fs` the migrator reads rulesets through: the real one, with house names rewritten. */
export const houseAwareFs = {
  promises: {
    async readFile(file: string, encoding: BufferEncoding): Promise<string> {
      const text = await fs.readFile(file, encoding).catch((error: NodeJS.ErrnoException) => {
        throw new RulesetError(`${file}: ruleset file ${error.code === 'ENOENT' ? 'not found' : `cannot be read (${error.code})`}`);
      });
      return rewriteHouseExtends(text, file);
    },
  },
};
