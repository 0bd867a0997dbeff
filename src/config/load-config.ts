import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError } from '../errors.js';
import { describeYamlError } from '../yaml-error.js';
import type { ApigovConfig } from './types.js';
import { validateConfig } from './validate.js';

export const CONFIG_FILE = 'apigov.yaml';
const SPECTRAL_DEFAULTS = ['.spectral.yaml', '.spectral.yml', '.spectral.json'];

/** The nearest apigov.yaml from `cwd` up to the filesystem root. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A Spectral ruleset in the working directory, as Spectral CLI would pick it up. */
export function findSpectralRuleset(cwd: string): string | undefined {
  return SPECTRAL_DEFAULTS.map((name) => path.join(cwd, name)).find((file) => existsSync(file));
}

export async function readConfig(file: string): Promise<ApigovConfig> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new ConfigError(`${file}: cannot be read`);
  });
  const document = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    throw new ConfigError(describeYamlError(file, syntax, 'not valid YAML'));
  }
  const { config, errors } = validateConfig(document.toJS(), file);
  if (!config) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new ConfigError(`${file}: ${errors[0]}${more}`);
  }
  return config;
}

export async function loadConfig(cwd: string): Promise<ApigovConfig | undefined> {
  const file = findConfigFile(cwd);
  return file ? readConfig(file) : undefined;
}
