import type { LinePosition, Locator } from './yaml-positions.js';

const SEPARATOR = '\u0000';

/** Offsets where each line starts, for turning an offset into a 1-based line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): LinePosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/**
 * One pass over a JSON text that records where the members and items on the wanted paths start
 * (a member at its key, as the YAML locator does), skipping everything else without building it.
 * A second full parse that keeps positions costs seconds and hundreds of MB on a description the
 * size of GitHub's; this costs one scan. Throws on text that is not JSON.
 */
class JsonScanner {
  readonly found = new Map<string, number>();
  private at = 0;

  constructor(private readonly text: string, private readonly prefixes: ReadonlySet<string>) {}

  scanDocument(): void {
    this.space();
    this.found.set('', this.at);
    this.value('');
    this.space();
    if (this.at !== this.text.length) this.fail();
  }

  private fail(): never {
    throw new Error(`not JSON at offset ${this.at}`);
  }

  private space(): void {
    for (let c = this.text.charCodeAt(this.at); c === 32 || c === 10 || c === 13 || c === 9; c = this.text.charCodeAt(this.at)) this.at += 1;
  }

  /** Skips a string literal; returns its raw text without the quotes. */
  private string(): string {
    const start = this.at + 1;
    let end = start;
    for (;;) {
      end = this.text.indexOf('"', end);
      if (end === -1) this.fail();
      let backslashes = 0;
      while (this.text[end - 1 - backslashes] === '\\') backslashes += 1;
      if (backslashes % 2 === 0) break;
      end += 1;
    }
    this.at = end + 1;
    return this.text.slice(start, end);
  }

  /** `key` is the path so far (each segment after a NUL), or undefined when nothing below is wanted. */
  private value(key: string | undefined): void {
    const c = this.text[this.at];
    if (c === '{') this.object(key);
    else if (c === '[') this.array(key);
    else if (c === '"') this.string();
    else {
      // A number, true, false or null: the text was already parsed as JSON, so it only needs skipping.
      const start = this.at;
      while (this.at < this.text.length && !',}] \t\r\n'.includes(this.text[this.at]!)) this.at += 1;
      if (this.at === start) this.fail();
    }
  }

  /** Records a member or item on a wanted path; its key is decoded only then, so skipped parts cost no strings. */
  private child(key: string | undefined, segment: () => string, offset: number): string | undefined {
    if (key === undefined) return undefined;
    const path = `${key}${SEPARATOR}${segment()}`;
    if (!this.prefixes.has(path)) return undefined;
    this.found.set(path, offset);
    return path;
  }

  private object(key: string | undefined): void {
    this.at += 1;
    this.space();
    if (this.text[this.at] === '}') return void (this.at += 1);
    for (;;) {
      if (this.text[this.at] !== '"') this.fail();
      const offset = this.at;
      const raw = this.string();
      const path = this.child(key, () => (raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw), offset);
      this.space();
      if (this.text[this.at] !== ':') this.fail();
      this.at += 1;
      this.space();
      this.value(path);
      this.space();
      if (this.text[this.at] === '}') return void (this.at += 1);
      if (this.text[this.at] !== ',') this.fail();
      this.at += 1;
      this.space();
    }
  }

  private array(key: string | undefined): void {
    this.at += 1;
    this.space();
    if (this.text[this.at] === ']') return void (this.at += 1);
    for (let index = 0; ; index += 1) {
      this.value(this.child(key, () => String(index), this.at));
      this.space();
      if (this.text[this.at] === ']') return void (this.at += 1);
      if (this.text[this.at] !== ',') this.fail();
      this.at += 1;
      this.space();
    }
  }
}

/**
 * A locator for the given paths in a JSON text: the position of the deepest part of each path
 * that exists, like `locatorFor` over YAML. Throws when the text is not JSON.
 */
export function jsonLocatorFor(text: string, paths: ReadonlyArray<ReadonlyArray<string | number>>): Locator {
  const prefixes = new Set<string>();
  const keyOf = (path: ReadonlyArray<string | number>) => path.map((segment) => `${SEPARATOR}${segment}`).join('');
  for (const path of paths) for (let i = 1; i <= path.length; i += 1) prefixes.add(keyOf(path.slice(0, i)));
  const scanner = new JsonScanner(text, prefixes);
  scanner.scanDocument();
  const starts = lineStarts(text);
  return (path) => {
    for (let length = path.length; length >= 0; length -= 1) {
      const offset = scanner.found.get(keyOf(path.slice(0, length)));
      if (offset !== undefined) return positionOf(starts, offset);
    }
    return undefined;
  };
}
