import { scanJsonText, type JsonTextScan } from './json-text-scan.js';
import { CLOSE_BRACE, CLOSE_BRACKET, decodeString, isJsonSpace, literalEnd, OPEN_BRACE, OPEN_BRACKET, stringEnd } from './json-tokens.js';


export interface Member {
  /** Offset of the key's opening quote, and just after its closing quote. */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
}

/**
 * Where things are in a JSON text, answered lazily: one scan finds every container's brackets
 * (json-text-scan.ts); an object's members or an array's items are read from the text the first
 * time someone asks, jumping over nested containers, and kept. Lint asks about the few thousand
 * places it reports, so most of a large description is never looked at twice.
 */
export class JsonTextIndex {
  private readonly memberTables = new Map<number, Map<string, Member>>();
  private readonly itemTables = new Map<number, number[]>();

  constructor(
    readonly text: string,
    readonly scan: JsonTextScan,
  ) {}

  /** Scans the text; throws a SyntaxError when its structure is not JSON. */
  static of(text: string): JsonTextIndex {
    return new JsonTextIndex(text, scanJsonText(text));
  }

  /** Offset where the top-level value starts. */
  get root(): number {
    return this.scan.root;
  }

  isObject(offset: number): boolean {
    return this.text.charCodeAt(offset) === OPEN_BRACE;
  }

  isArray(offset: number): boolean {
    return this.text.charCodeAt(offset) === OPEN_BRACKET;
  }

  /** Offset of the bracket closing the container that opens at `open`. */
  closeOf(open: number): number {
    const { opens, closes } = this.scan;
    let low = 0;
    let high = opens.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = opens[middle]!;
      if (at === open) return closes[middle]!;
      if (at < open) low = middle + 1;
      else high = middle - 1;
    }
    throw new Error(`internal error: no container opens at offset ${open}`);
  }

  /** Offset just after the value that starts at `start`. */
  valueEnd(start: number): number {
    const c = this.text.charCodeAt(start);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.closeOf(start) + 1;
    if (c === 34) return stringEnd(this.text, start);
    return literalEnd(this.text, start);
  }

  private skipSpace(at: number): number {
    while (isJsonSpace(this.text.charCodeAt(at))) at += 1;
    return at;
  }

  /** The members of the object opening at `open`, by decoded key, in the order written. */
  members(open: number): Map<string, Member> {
    let table = this.memberTables.get(open);
    if (table) return table;
    table = new Map();
    let at = this.skipSpace(open + 1);
    while (this.text.charCodeAt(at) !== CLOSE_BRACE) {
      const keyStart = at;
      const keyEnd = stringEnd(this.text, keyStart);
      const valueStart = this.skipSpace(this.skipSpace(keyEnd) + 1);
      table.set(decodeString(this.text, keyStart, keyEnd), { keyStart, keyEnd, valueStart });
      at = this.skipSpace(this.valueEnd(valueStart));
      // A comma, or the closing brace.
      if (this.text.charCodeAt(at) === 44) at = this.skipSpace(at + 1);
    }
    this.memberTables.set(open, table);
    return table;
  }

  /** Offsets where the items of the array opening at `open` start. */
  items(open: number): number[] {
    let items = this.itemTables.get(open);
    if (items) return items;
    items = [];
    let at = this.skipSpace(open + 1);
    while (this.text.charCodeAt(at) !== CLOSE_BRACKET) {
      items.push(at);
      at = this.skipSpace(this.valueEnd(at));
      if (this.text.charCodeAt(at) === 44) at = this.skipSpace(at + 1);
    }
    this.itemTables.set(open, items);
    return items;
  }
}
