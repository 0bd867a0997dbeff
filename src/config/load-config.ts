import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { yaml } from '../load/yaml-module.js';
import { locatorFor } from '../load/yaml-positions.js';
import { describeYamlError } from '../yaml-error.js';
import { configErrorFor } from './report-problems.js';
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

/** Parses and validates config text; `file` names it in messages and anchors relative paths. */
export function parseConfigText(text: string, file: string): ApigovConfig {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  const syntax = document.errors[0];
  if (syntax) {
    throw new ConfigError(describeYamlError(file, syntax, 'not valid YAML'));
  }
  const locate = locatorFor(document, lineCounter);
  const { config, errors } = validateConfig(document.toJS(), file, locate);
  if (!config) throw configErrorFor(file, locate, errors);
  return config;
}

export async function readConfig(file: string): Promise<ApigovConfig> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new ConfigError(`${file}: cannot be read`);
  });
  return parseConfigText(text, file);
}

export async function loadConfig(cwd: string): Promise<ApigovConfig | undefined> {
  const file = findConfigFile(cwd);
  return file ? readConfig(file) : undefined;
}
