import { promises as fs } from 'node:fs';
import { yaml } from '../load/yaml-module.js';
import { locatorFor, type LinePosition } from '../load/yaml-positions.js';

export const IGNORE_KEY = 'x-apigov-ignore';

/** An `x-apigov-ignore: [rule-id, ...]` found on an object of a spec. */
export interface InlineIgnore {
  source: string;
  /** Path of the object that carries it; findings at or under it are waived. */
  location: (string | number)[];
  rules: string[];
  /** Of the `x-apigov-ignore` key, for the unused-waiver finding. */
  position?: LinePosition;
}

function collect(value: unknown, location: (string | number)[], found: Array<{ location: (string | number)[]; rules: string[] }>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, [...location, index], found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === IGNORE_KEY) {
      const rules = (Array.isArray(child) ? child : [child]).filter((r): r is string => typeof r === 'string');
      found.push({ location, rules });
    } else collect(child, [...location, key], found);
  }
}

/** The inline ignores of one spec text (a cheap text check first: most specs have none). */
export function inlineIgnoresOf(text: string, source: string): InlineIgnore[] {
  if (!text.includes(IGNORE_KEY)) return [];
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const locate = locatorFor(document, lineCounter);
  const found: Array<{ location: (string | number)[]; rules: string[] }> = [];
  collect(document.toJS({ maxAliasCount: -1 }), [], found);
  return found.map(({ location, rules }) => ({ source, location, rules, position: locate([...location, IGNORE_KEY]) }));
}

/** Inline ignores of every file; a file that cannot be read has none (linting reported it). */
export async function readInlineIgnores(sources: Iterable<string>): Promise<InlineIgnore[]> {
  const all: InlineIgnore[] = [];
  for (const source of new Set(sources)) {
    const bytes = await fs.readFile(source).catch(() => undefined);
    // The same cheap check as inlineIgnoresOf's, on the bytes: a 13 MB spec is not decoded into a
    // second copy of its text just to learn it has no ignores (the key is ASCII, so the answers agree).
    if (bytes === undefined || !bytes.includes(IGNORE_KEY)) continue;
    try {
      all.push(...inlineIgnoresOf(bytes.toString('utf8'), source));
    } catch {
      // A file the YAML parser refuses was already reported by the linter.
    }
  }
  return all;
}
