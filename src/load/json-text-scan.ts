/**
 * One pass over a JSON text that records where every object and array opens and closes, and a
 * few facts about its keys, without building any value: about 4 ms per MB. Everything else about
 * positions (members, items, where a value ends) is read from the text later, only for the places
 * someone asks about — see json-text-index.ts.
 *
 * It checks structure (brackets, commas, colons, quoted keys) and throws on text that is not JSON,
 * but does not look inside numbers and literals: callers that need the values parse the text with
 * JSON.parse, which is the judge of syntax.
 */

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, CR, decodeString, isJsonSpace, LF, literalEnd, OPEN_BRACE, OPEN_BRACKET, stringEnd } from './json-tokens.js';

const QUOTE = 34;
const COLON = 58;
const LESS_THAN = 60;

/** The largest array index plus one: JavaScript lists own keys that are array indexes first, ascending. */
const ARRAY_INDEX_LIMIT = 4294967295;

export interface KeyFacts {
  /** Keys written in the text; JSON.parse keeps one of duplicate keys, so its data then has fewer. */
  count: number;
  /** Keys whose colon is on a later line than the key. */
  colonOnLaterLine: number;
  /** Keys that are `<<` (YAML's merge key). */
  mergeKeys: number;
}

/** An object whose keys are written in another order than JavaScript lists an object's own keys. */
export interface OutOfOrderObject {
  path: Array<string | number>;
  /** Offset of its `{`. */
  open: number;
}

export interface JsonTextScan {
  /** Offset where the top-level value starts. */
  root: number;
  /** Offsets of every `{` and `[`, ascending, and of the bracket closing each. */
  opens: Int32Array;
  closes: Int32Array;
  keys: KeyFacts;
  outOfOrder: OutOfOrderObject[];
  /** The deepest nesting of containers (the top-level one is 1). */
  deepest: number;
  /**
   * The offset just after each line feed, then the text's length + 1 (@stoplight/yaml's line
   * map), noted while skipping whitespace: in a text JSON.parse accepts, no line feed is anywhere
   * else (strings hold them escaped).
   */
  lineMap: number[];
}

/** The array index a key names, or -1 when it is not one ("01", "-1" and "4294967295" are not). */
function arrayIndexOf(key: string): number {
  if (key === '0') return 0;
  if (!/^[1-9][0-9]{0,9}$/.test(key)) return -1;
  const index = Number(key);
  return index < ARRAY_INDEX_LIMIT ? index : -1;
}

/** Per open container, indexed by nesting level (the top-level value is level 0). */
interface Levels {
  /** Index of the container in `opens`. */
  container: number[];
  isObject: boolean[];
  /** The member being read: its key's offsets; or, in an array, the item's index (in `segmentStart`). */
  segmentStart: number[];
  segmentEnd: number[];
  /** Key order so far: a key that is not an array index was seen; the last array index seen. */
  sawName: boolean[];
  lastIndex: number[];
  outOfOrder: boolean[];
}

class Scanner {
  private at = 0;
  private count = 0;
  private opens = new Int32Array(1024);
  private closes = new Int32Array(1024);
  private depth = 0;
  private deepest = 0;
  private readonly levels: Levels = { container: [], isObject: [], segmentStart: [], segmentEnd: [], sawName: [], lastIndex: [], outOfOrder: [] };
  readonly keys: KeyFacts = { count: 0, colonOnLaterLine: 0, mergeKeys: 0 };
  private readonly lineMap: number[] = [];
  readonly outOfOrder: OutOfOrderObject[] = [];

  constructor(private readonly text: string) {}

  private fail(): never {
    throw new SyntaxError(`not JSON at offset ${this.at}`);
  }

  private skipSpace(): void {
    for (let c = this.text.charCodeAt(this.at); isJsonSpace(c); c = this.text.charCodeAt(++this.at)) if (c === LF) this.lineMap.push(this.at + 1);
  }

  scan(): JsonTextScan {
    this.skipSpace();
    const root = this.at;
    let expectValue = true;
    for (;;) {
      if (expectValue) {
        expectValue = this.value();
        continue;
      }
      this.skipSpace();
      if (this.depth === 0) {
        if (this.at !== this.text.length) this.fail();
        this.lineMap.push(this.text.length + 1);
        return { root, opens: this.opens.slice(0, this.count), closes: this.closes.slice(0, this.count), keys: this.keys, outOfOrder: this.outOfOrder, deepest: this.deepest, lineMap: this.lineMap };
      }
      const c = this.text.charCodeAt(this.at);
      const level = this.depth - 1;
      const isObject = this.levels.isObject[level]!;
      if (c === COMMA) {
        this.at += 1;
        this.skipSpace();
        if (isObject) this.key();
        else this.levels.segmentStart[level]! += 1;
        expectValue = true;
      } else if (c === (isObject ? CLOSE_BRACE : CLOSE_BRACKET)) {
        this.close();
      } else {
        this.fail();
      }
    }
  }

  /** Reads a value at `at`; true when it opened a container whose first value comes next. */
  private value(): boolean {
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.open(c === OPEN_BRACE);
      this.at += 1;
      this.skipSpace();
      if (this.text.charCodeAt(this.at) === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        this.close();
        return false;
      }
      if (c === OPEN_BRACE) this.key();
      return true;
    }
    if (c === QUOTE) {
      this.at = stringEnd(this.text, this.at);
      if (this.at === -1) this.fail();
      return false;
    }
    // A number, true, false or null (JSON.parse judges which).
    const start = this.at;
    this.at = literalEnd(this.text, start);
    if (this.at === start || !'-0123456789tfn'.includes(this.text[start]!)) this.fail();
    return false;
  }

  private open(isObject: boolean): void {
    if (this.count === this.opens.length) {
      const opens = new Int32Array(this.count * 2);
      const closes = new Int32Array(this.count * 2);
      opens.set(this.opens);
      closes.set(this.closes);
      this.opens = opens;
      this.closes = closes;
    }
    this.opens[this.count] = this.at;
    const { levels } = this;
    const level = this.depth;
    levels.container[level] = this.count;
    levels.isObject[level] = isObject;
    levels.segmentStart[level] = 0;
    levels.sawName[level] = false;
    levels.lastIndex[level] = -1;
    levels.outOfOrder[level] = false;
    this.count += 1;
    this.depth += 1;
    if (this.depth > this.deepest) this.deepest = this.depth;
  }

  private close(): void {
    this.depth -= 1;
    this.closes[this.levels.container[this.depth]!] = this.at;
    this.at += 1;
  }

  /** A key at `at`, then its colon; leaves `at` on the value. */
  private key(): void {
    const start = this.at;
    if (this.text.charCodeAt(start) !== QUOTE) this.fail();
    const end = stringEnd(this.text, start);
    if (end === -1) this.fail();
    const level = this.depth - 1;
    this.levels.segmentStart[level] = start;
    this.levels.segmentEnd[level] = end;
    this.keys.count += 1;
    this.noteKey(level, start, end);
    this.at = end;
    let lineBreak = false;
    for (let c = this.text.charCodeAt(this.at); isJsonSpace(c); c = this.text.charCodeAt(++this.at)) {
      lineBreak ||= c === LF || c === CR;
      if (c === LF) this.lineMap.push(this.at + 1);
    }
    if (this.text.charCodeAt(this.at) !== COLON) this.fail();
    if (lineBreak) this.keys.colonOnLaterLine += 1;
    this.at += 1;
    this.skipSpace();
  }

  /** Tracks merge keys and key order; only keys starting with a digit, `<` or an escape need a closer look. */
  private noteKey(level: number, start: number, end: number): void {
    const first = this.text.charCodeAt(start + 1);
    const isDigit = first >= 48 && first <= 57;
    if (!isDigit && first !== LESS_THAN && first !== BACKSLASH) {
      this.levels.sawName[level] = true;
      return;
    }
    const key = decodeString(this.text, start, end);
    if (key === '<<') this.keys.mergeKeys += 1;
    const index = arrayIndexOf(key);
    const { levels } = this;
    if (index === -1) {
      levels.sawName[level] = true;
      return;
    }
    if ((levels.sawName[level] || index < levels.lastIndex[level]!) && !levels.outOfOrder[level]) {
      levels.outOfOrder[level] = true;
      this.outOfOrder.push({ path: this.pathTo(level), open: this.opens[levels.container[level]!]! });
    }
    levels.lastIndex[level] = index;
  }

  /** The path of the container open at `level`: the member or item each enclosing level is on. */
  private pathTo(level: number): Array<string | number> {
    const path: Array<string | number> = [];
    for (let i = 0; i < level; i += 1) {
      const start = this.levels.segmentStart[i]!;
      path.push(this.levels.isObject[i] ? decodeString(this.text, start, this.levels.segmentEnd[i]!) : start);
    }
    return path;
  }
}

/** Scans a JSON text; see the module comment. Throws a SyntaxError when its structure is not JSON. */
export function scanJsonText(text: string): JsonTextScan {
  return new Scanner(text).scan();
}
