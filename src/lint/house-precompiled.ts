import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BUILD_DIR } from '../build-output.js';
import { yaml } from '../load/yaml-module.js';
import { RULESETS_DIR } from './builtin-rulesets.js';

/**
 * The house ruleset files parsed at build time. Parsing the 48 small YAML files took ~60 ms of
 * every run (most of it the YAML parser warming up); reading this JSON takes under 1 ms. Each
 * entry keeps the text it was parsed from and is used only while the file still reads the same,
 * so an edited file without a rebuild is parsed as before, never served stale.
 */
export type PrecompiledHouse = Record<string, { text: string; definition: unknown }>;

/** dist/house-rulesets.json, next to the compiled code (written by `npm run build`). */
export const PRECOMPILED_FILE = path.join(BUILD_DIR, 'house-rulesets.json');

let loaded: PrecompiledHouse | null | undefined;

function precompiled(): PrecompiledHouse | null {
  if (loaded === undefined) {
    try {
      loaded = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledHouse;
    } catch {
      loaded = null; // not built (a source checkout before `npm run build`): parse the YAML
    }
  }
  return loaded;
}

/** The parsed definition of `file` (text `text`): from `table` when it holds that very text, else parsed now. */
export function houseDefinition(file: string, text: string, table: PrecompiledHouse | null = precompiled()): unknown {
  const entry = table?.[path.relative(RULESETS_DIR, file)];
  // A copy: the loader builds its own objects around it, but the rules' functionOptions stay shared otherwise.
  if (entry !== undefined && entry.text === text) return structuredClone(entry.definition);
  return yaml().parse(text);
}

/** Every `.yaml` under `dir` (relative paths, sorted). */
function yamlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.yaml')).sort();
}

/**
 * Parses every house ruleset file into the table. A file whose parse JSON cannot carry exactly
 * (a date, a non-finite number) is left out and keeps being parsed at run time.
 */
export function compileHouseRulesets(dir: string = RULESETS_DIR): PrecompiledHouse {
  const table: PrecompiledHouse = {};
  for (const name of yamlFiles(dir)) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const definition: unknown = yaml().parse(text);
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(definition)), definition)) table[name] = { text, definition };
  }
  return table;
}

/** The build step: writes {@link PRECOMPILED_FILE}. */
export function writePrecompiledHouse(): void {
  writeFileSync(PRECOMPILED_FILE, JSON.stringify(compileHouseRulesets()));
}
