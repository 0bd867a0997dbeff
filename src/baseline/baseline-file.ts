import { promises as fs } from 'node:fs';
import { ConfigError } from '../errors.js';
import { compareEntries, type BaselineEntry } from './fingerprint.js';

export const DEFAULT_BASELINE_FILE = '.apigov-baseline.json';
const FORMAT_VERSION = 1;

export interface Baseline {
  /** Absolute path of the file. */
  file: string;
  entries: BaselineEntry[];
}

function isEntry(value: unknown): value is BaselineEntry {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.rule === 'string' && typeof entry.file === 'string' && typeof entry.path === 'string' && (entry.message === undefined || typeof entry.message === 'string');
}

/** Reads a baseline; a missing file is an empty baseline (the first run before --update-baseline). */
export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, entries: [] };
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not a valid baseline file: ${(error as Error).message}`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) throw new ConfigError(`${file}: not a valid baseline file: expected {"findings": [...]}`);
  const bad = findings.findIndex((entry) => !isEntry(entry));
  if (bad !== -1) throw new ConfigError(`${file}: findings[${bad}]: must have rule, file and path strings`);
  return { file, entries: findings as BaselineEntry[] };
}

/** The file's text: sorted entries one per line, so a baseline diffs well in review. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const lines = [...entries].sort(compareEntries).map((entry) => `    ${JSON.stringify({ rule: entry.rule, file: entry.file, path: entry.path, ...(entry.message ? { message: entry.message } : {}) })}`);
  return `{\n  "version": ${FORMAT_VERSION},\n  "findings": [\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}  ]\n}\n`;
}
