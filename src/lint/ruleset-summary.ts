import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import { BUILD_DIR } from '../build-output.js';
import { installedVersion, VERSION } from '../version.js';
import { houseRulesetFile, RULESETS_DIR, SPECTRAL_RULESET_MODULES } from './builtin-rulesets.js';
import { rulesetFingerprint, writeCacheFile } from './result-cache.js';
import type { RulesetRecipe } from './ruleset-recipe.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a warm run needs to know about the run's ruleset without building it: the result cache's
 * key for it, the rule ids apigov.yaml is checked against, what the report says about fired
 * rules, and which rules run only for overrides.
 */
export interface RulesetSummary {
  fingerprint: string;
  /** The ids of the loaded rules, before apigov.yaml's settings (what checkRuleIds sees). */
  loadedRuleIds: string[];
  /** Rule descriptions, by id (rules without one left out). */
  descriptions: Record<string, string>;
  /** Rules switched on only because an override needs them. */
  dormant: string[];
}

/** dist/build-id.json: written by every `npm run build`, so summaries made by another build are not used. */
export const BUILD_ID_FILE = path.join(BUILD_DIR, 'build-id.json');

/** The build step: a new identity for this build. */
export function writeBuildId(): void {
  writeFileSync(BUILD_ID_FILE, JSON.stringify({ id: randomBytes(16).toString('hex') }));
}

function buildId(): string | undefined {
  try {
    return (JSON.parse(readFileSync(BUILD_ID_FILE, 'utf8')) as { id: string }).id;
  } catch {
    return undefined;
  }
}

/** Every file under apigov's rulesets folder, by path and content: a house rule edited without a rebuild changes it. */
export function rulesetFilesDigest(dir: string = RULESETS_DIR): string {
  const hash = createHash('sha256');
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, name);
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue; // a folder
    }
    hash.update(`${name}\u0000${content.length}\u0000`).update(content);
  }
  return hash.digest('hex');
}

// The packages Spectral's built-in rulesets and functions come from.
const SPECTRAL_PACKAGES = ['@stoplight/spectral-core', '@stoplight/spectral-functions', '@stoplight/spectral-rulesets', '@stoplight/spectral-formats'];

/**
 * The key of the recipe's summary, or undefined when the ruleset cannot be summarised: caching
 * is off, or a reference is not built in (a user's file or package may change, or read other
 * files, in ways only building it tells). A built-in ruleset depends on apigov's build and
 * version, its ruleset files, the Spectral packages installed, and apigov.yaml's settings.
 */
export function summaryKey(recipe: RulesetRecipe, rulesetsDir: string = RULESETS_DIR): string | undefined {
  if (recipe.cacheDir === undefined) return undefined;
  const references = typeof recipe.reference === 'string' ? [recipe.reference] : [...recipe.reference];
  if (references.some((reference) => houseRulesetFile(reference) === undefined && SPECTRAL_RULESET_MODULES[reference] === undefined)) return undefined;
  const build = buildId();
  if (build === undefined) return undefined;
  const house = references.some((reference) => houseRulesetFile(reference) !== undefined) ? rulesetFilesDigest(rulesetsDir) : '';
  const versions = SPECTRAL_PACKAGES.map((name) => installedVersion(name) ?? '');
  const settings = { references, options: recipe.options, rules: recipe.rules, overrideRules: recipe.overrideRules ?? [], configFile: recipe.configFile ?? null };
  return sha256(JSON.stringify({ VERSION, build, house, versions, settings }));
}

const summaryFile = (cacheDir: string, key: string) => path.join(cacheDir, 'rulesets', `${key}.json`);

/** The summary an earlier run recorded under this key (see {@link summaryKey}), if any. */
export async function readRulesetSummary(cacheDir: string, key: string): Promise<RulesetSummary | undefined> {
  try {
    const summary = JSON.parse(await fs.readFile(summaryFile(cacheDir, key), 'utf8')) as RulesetSummary;
    const valid = typeof summary.fingerprint === 'string' && Array.isArray(summary.loadedRuleIds) && Array.isArray(summary.dormant) && typeof summary.descriptions === 'object' && summary.descriptions !== null;
    return valid ? summary : undefined;
  } catch {
    return undefined; // absent or unreadable: build the ruleset
  }
}

/** Records the summary of a ruleset under its key (atomically, best effort: see writeCacheFile). */
export async function writeRulesetSummary(cacheDir: string, key: string, summary: RulesetSummary): Promise<void> {
  await writeCacheFile(summaryFile(cacheDir, key), JSON.stringify(summary));
}

/** The descriptions of the rules that fired, sorted by id so output stays deterministic. */
export function firedRuleDescriptions(fired: ReadonlySet<string>, descriptionOf: (id: string) => string | null | undefined): Record<string, string> {
  const descriptions: Record<string, string> = {};
  for (const id of [...fired].sort()) {
    const description = descriptionOf(id);
    if (description) descriptions[id] = description;
  }
  return descriptions;
}

/** The summary of a ruleset just built (before any lint swaps its functions for stand-ins). */
export function summarizeRuleset(ruleset: Ruleset, loadedRuleIds: readonly string[], dormant: ReadonlySet<string>): RulesetSummary {
  const descriptions: Record<string, string> = {};
  for (const [id, rule] of Object.entries(ruleset.rules)) if (rule.description) descriptions[id] = rule.description;
  return { fingerprint: rulesetFingerprint(ruleset), loadedRuleIds: [...loadedRuleIds], descriptions, dormant: [...dormant] };
}
