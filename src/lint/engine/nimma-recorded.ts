import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'nimma/parser';
import { BUILD_DIR } from '../../build-output.js';
import { installedVersion } from '../../version.js';
import { generatedCode } from './nimma-code.js';

/**
 * Two things apigov learns from the code Nimma generates: whether Nimma hands a `given` path to
 * its fallback engine (jsonpath-plus), and each `[?(…)]` filter's code, which the walk runs node
 * by node (filter-predicate.ts). Generating it for the default ruleset's 68 paths and their filters
 * was ~45 ms of every run, a tenth of linting a small spec. The build records both for every
 * path of the built-in rulesets in dist/nimma-recorded.json, with the Nimma version it was made
 * with; any other path, or any other Nimma, is generated as before.
 */
const RECORD_FILE = path.join(BUILD_DIR, 'nimma-recorded.json');

export interface NimmaRecord {
  nimma: string;
  /** Per `given` path: Nimma falls back for it. */
  fallsBack: Record<string, boolean>;
  /** Per filter expression: the code Nimma generates for `$..[?(expression)]` (null: it throws). */
  filterCode: Record<string, string | null>;
}

const nimmaVersion = (): string | undefined => installedVersion('nimma');

/** The record in `file` when it was made with the installed Nimma; null otherwise (or when there is none). */
export function readNimmaRecord(file: string = RECORD_FILE): NimmaRecord | null {
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as NimmaRecord;
    return read.nimma === nimmaVersion() && typeof read.fallsBack === 'object' && typeof read.filterCode === 'object' ? read : null;
  } catch {
    return null; // not built yet: everything is generated
  }
}

let loaded: NimmaRecord | null | undefined;
const recorded = (): NimmaRecord | null => (loaded === undefined ? (loaded = readNimmaRecord()) : loaded);

/** Asks Nimma itself: the code it generates for the path alone calls the fallback. */
export function askNimma(expression: string): boolean {
  try {
    return generatedCode([expression]).includes('fallback(input');
  } catch {
    return true; // a path Nimma cannot compile is left to it, to report as Spectral would
  }
}

/** Whether Nimma hands the path to jsonpath-plus, as it does with syntax it does not compile or deems unsafe. */
export function nimmaFallsBack(expression: string, record: NimmaRecord | null = recorded()): boolean {
  if (record !== null && Object.hasOwn(record.fallsBack, expression)) return record.fallsBack[expression]!;
  return askNimma(expression);
}

/** The path that stands for a filter alone. */
export const filterAlone = (expression: string): string => `$..[?(${expression})]`;

/** The code Nimma generates now for the filter alone (null: it throws). */
export function generateFilterCode(expression: string): string | null {
  try {
    return generatedCode([filterAlone(expression)]);
  } catch {
    return null;
  }
}

/** The code Nimma generates for the filter alone; null when Nimma throws on it. */
export function filterCode(expression: string, record: NimmaRecord | null = recorded()): string | null {
  if (record !== null && Object.hasOwn(record.filterCode, expression)) return record.filterCode[expression]!;
  return generateFilterCode(expression);
}

/** Records Nimma's answers for these paths and the filters in them (build time); returns how many paths and filters. */
export function writeNimmaRecord(expressions: Iterable<string>, file: string = RECORD_FILE): { paths: number; filters: number } {
  const version = nimmaVersion();
  if (version === undefined) throw new Error('cannot read the installed nimma version');
  const record: NimmaRecord = { nimma: version, fallsBack: {}, filterCode: {} };
  for (const expression of [...new Set(expressions)].sort()) {
    record.fallsBack[expression] = askNimma(expression);
    let nodes: { type: string; value?: unknown }[];
    try {
      nodes = parse(expression) as typeof nodes;
    } catch {
      continue;
    }
    for (const node of nodes) {
      if (node.type === 'ScriptFilterExpression' && typeof node.value === 'string') record.filterCode[node.value] = generateFilterCode(node.value);
    }
  }
  writeFileSync(file, `${JSON.stringify(record)}\n`);
  return { paths: Object.keys(record.fallsBack).length, filters: Object.keys(record.filterCode).length };
}
