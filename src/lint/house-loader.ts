import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ruleset } from '@stoplight/spectral-core';
import * as formats from '@stoplight/spectral-formats';
import * as coreFunctions from '@stoplight/spectral-functions';
import { RulesetError } from '../errors.js';
import { importModule } from '../runtime/dynamic-import.js';
import { RULESETS_DIR } from './builtin-rulesets.js';
import { houseDefinition } from './house-precompiled.js';
import { spectralRuleset } from './spectral-builtins.js';
import { trustOwnDefinition } from './trusted-definitions.js';

type Obj = Record<string, unknown>;
type RulesetFunction = (...args: unknown[]) => unknown;

/**
 * The house rulesets' function files (rulesets/functions/), by path below rulesets/, when the CLI
 * bundle carries them: scripts/bundle-cli.mjs fills this in with static imports, so a lint loads
 * no file through Node's ES module loader (~15 ms a run). Empty when run from the sources.
 */
const BUNDLED_FUNCTIONS: Record<string, RulesetFunction> = {};

async function loadFunction(file: string): Promise<RulesetFunction> {
  const relative = path.relative(RULESETS_DIR, file).split(path.sep).join('/');
  return BUNDLED_FUNCTIONS[relative] ?? ((await importModule(pathToFileURL(file).href)).default as RulesetFunction);
}

async function loadFunctions(file: string, definition: Obj): Promise<Map<string, RulesetFunction>> {
  const dir = path.resolve(path.dirname(file), typeof definition.functionsDir === 'string' ? definition.functionsDir : 'functions');
  const names = Array.isArray(definition.functions) ? (definition.functions as string[]) : [];
  const loaded = await Promise.all(names.map(async (name) => [name, await loadFunction(path.join(dir, `${name}.js`))] as const));
  return new Map(loaded);
}

function resolveThen(then: Obj, functions: Map<string, RulesetFunction>, file: string): Obj {
  const name = then.function as string;
  const fn = functions.get(name) ?? (coreFunctions as unknown as Record<string, RulesetFunction>)[name];
  if (typeof fn !== 'function') throw new RulesetError(`${file}: function "${name}" is not defined`);
  return { ...then, function: fn };
}

function resolveRule(rule: unknown, functions: Map<string, RulesetFunction>, file: string): unknown {
  if (rule === null || typeof rule !== 'object') return rule; // a severity or on/off
  const definition = { ...(rule as Obj) };
  if (definition.then !== undefined) {
    definition.then = Array.isArray(definition.then) ? definition.then.map((t) => resolveThen(t as Obj, functions, file)) : resolveThen(definition.then as Obj, functions, file);
  }
  if (Array.isArray(definition.formats)) definition.formats = definition.formats.map((name) => (formats as unknown as Record<string, unknown>)[name as string]);
  return definition;
}

async function definitionOf(file: string): Promise<Obj> {
  const definition = houseDefinition(file, readFileSync(file, 'utf8')) as Obj;
  const functions = await loadFunctions(file, definition);
  const extendsList = definition.extends === undefined ? [] : Array.isArray(definition.extends) ? definition.extends : [definition.extends];
  const result: Obj = { ...definition };
  delete result.functionsDir;
  delete result.functions;
  if (definition.extends !== undefined) {
    result.extends = await Promise.all(
      extendsList.map(async (entry) => {
        const [name, severity] = Array.isArray(entry) ? entry : [entry, undefined];
        const target = spectralRuleset(name as string) ?? (await definitionOf(path.resolve(path.dirname(file), name as string)));
        return severity === undefined ? target : [target, severity];
      }),
    );
  }
  if (definition.rules !== undefined) {
    result.rules = Object.fromEntries(Object.entries(definition.rules as Obj).map(([id, rule]) => [id, resolveRule(rule, functions, file)]));
  }
  // Read from apigov's own files only (loadHouseRuleset's callers pass nothing else).
  return trustOwnDefinition(result);
}

/**
 * Loads one of our own YAML rulesets straight into Spectral's Ruleset — what Spectral's ruleset
 * migrator and rollup bundler produce for these files, without loading or running rollup (about a
 * second per process, and per worker). Our files use only what this reads: extends (spectral:*
 * and relative files), functionsDir/functions, rules with core or custom functions, formats.
 * A test checks it against the bundler on every fixture.
 */
export async function loadHouseRuleset(file: string): Promise<Ruleset> {
  return new Ruleset((await definitionOf(file)) as never, { severity: 'recommended', source: file });
}
