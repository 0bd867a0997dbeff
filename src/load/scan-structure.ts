/**
 * One character-level pass over YAML or JSON text, before any parser sees it. Parsers and rules
 * recurse, so a 20,000-deep document overflows the stack; YAML aliases expand exponentially; a
 * second document or a custom tag means the text is not what an API description can be. This
 * scan finds those cheaply (a few ms per MB, no allocation per node). It follows YAML's block
 * structure by indentation and flow collections (all of JSON) by brackets; where it cannot tell,
 * it errs towards counting more depth and seeing more aliases, never fewer. The parsers remain
 * the judges of syntax: the scan only reports what it is sure of and leaves the rest to them.
 */

export type StructureProblem =
  | { kind: 'too-deep'; offset: number }
  | { kind: 'extra-document'; offset: number }
  | { kind: 'tag'; offset: number; tag: string };

export interface StructureScan {
  problem?: StructureProblem;
  /** An `&anchor` and an `*alias` both appear, so aliases may expand: worth an exact count. */
  mayExpandAliases: boolean;
  /** Members (`"key":` / `key:`) seen in flow collections; JSON's duplicate-key check compares it. */
  flowKeys: number;
}

// Tags that only say which core type a scalar or collection is; any other tag asks for behaviour
// (object construction, includes) that apigov never provides.
const CORE_TAGS = new Set(['!', '!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

interface Collection {
  indent: number;
  kind: 'map' | 'seq';
  /** A key whose value starts on a later line: a `- ` at the same indent is then its child. */
  awaitingValue: boolean;
}

class Scanner {
  at = 0;
  flowKeys = 0;
  anchors = false;
  aliases = false;
  problem?: StructureProblem;
  private readonly blocks: Collection[] = [];
  /** Lines indented more than this belong to a block or multi-line plain scalar; -2 when none. */
  private skipDeeperThan = -2;
  private contentSeen = false;
  private documentEnded = false;

  constructor(private readonly text: string, private readonly maxDepth: number) {}

  run(): void {
    while (this.at < this.text.length && this.problem === undefined) this.line();
  }

  private fail(problem: StructureProblem): void {
    this.problem ??= problem;
    this.at = this.text.length;
  }

  private code(offset = this.at): number {
    return this.text.charCodeAt(offset);
  }

  private endOfLine(from = this.at): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  private nextLine(): void {
    this.at = this.endOfLine() + 1;
  }

  private spaces(): void {
    while (this.code() === SPACE || this.code() === TAB) this.at += 1;
  }

  private atLineEnd(): boolean {
    const c = this.code();
    return this.at >= this.text.length || c === LF || c === CR || (c === 35 /* # */ && this.precededBySpace());
  }

  private precededBySpace(offset = this.at): boolean {
    const before = this.text.charCodeAt(offset - 1);
    return offset === 0 || before === SPACE || before === TAB || before === LF || before === CR;
  }

  private isMarker(marker: string): boolean {
    if (!this.text.startsWith(marker, this.at)) return false;
    const after = this.code(this.at + 3);
    return this.at + 3 >= this.text.length || after === SPACE || after === TAB || after === LF || after === CR;
  }

  /** One line of block context (a flow collection or quoted scalar it opens may run over later lines). */
  private line(): void {
    const start = this.at;
    if (this.isMarker('---') || this.isMarker('...')) return this.documentMarker(start);
    this.spaces();
    const indent = this.at - start;
    if (this.atLineEnd()) return this.nextLine();
    if (indent > this.skipDeeperThan && this.skipDeeperThan !== -2) return this.nextLine();
    this.skipDeeperThan = -2;
    if (indent === 0 && this.code() === 37 /* % */ && !this.contentSeen) return this.nextLine();
    if (this.documentEnded) return this.fail({ kind: 'extra-document', offset: this.at });
    this.contentSeen = true;
    this.enterBlock(indent);
    if (this.problem === undefined) this.node(indent, indent);
  }

  private documentMarker(start: number): void {
    const marker = this.text.slice(start, start + 3);
    if (marker === '...') {
      this.documentEnded = this.contentSeen;
      return this.nextLine();
    }
    if (this.contentSeen) return this.fail({ kind: 'extra-document', offset: start });
    this.at = start + 3;
    this.spaces();
    if (this.atLineEnd()) return this.nextLine();
    this.contentSeen = true;
    this.node(-1, this.at - start);
  }

  /**
   * Opens or closes block collections for a line whose content starts at `indent`. A sequence
   * opens here; a mapping opens where its first key is found (`keyAt`), so a scalar or a flow
   * collection on a line of its own adds no level.
   */
  private enterBlock(indent: number): void {
    const isEntry = this.code() === 45 /* - */ && this.isSeparated(this.at + 1);
    while (this.blocks.length > 0 && this.blocks[this.blocks.length - 1]!.indent > indent) this.blocks.pop();
    const top = this.blocks[this.blocks.length - 1];
    if (top === undefined || top.indent < indent) {
      if (isEntry) this.push({ indent, kind: 'seq', awaitingValue: false });
      return;
    }
    if (top.kind === 'seq') {
      if (isEntry) return;
      // A sequence at its key's indentation ends at the next key.
      this.blocks.pop();
      return this.enterBlock(indent);
    }
    if (isEntry) this.push({ indent, kind: 'seq', awaitingValue: false });
    top.awaitingValue = false;
  }

  /** A key found at `column`: the mapping it belongs to is open from here. */
  private keyAt(column: number): void {
    const top = this.blocks[this.blocks.length - 1];
    if (top !== undefined && top.indent === column && top.kind === 'map') top.awaitingValue = false;
    else this.push({ indent: column, kind: 'map', awaitingValue: false });
  }

  private push(collection: Collection): void {
    this.blocks.push(collection);
    if (this.blocks.length > this.maxDepth) this.fail({ kind: 'too-deep', offset: this.at });
  }

  private isSeparated(offset: number): boolean {
    const c = this.text.charCodeAt(offset);
    return offset >= this.text.length || c === SPACE || c === TAB || c === LF || c === CR;
  }

  /**
   * A node in block context starting at `this.at`: `parent` is the indentation its scalar
   * continuation lines must exceed, `column` where it starts.
   */
  private node(parent: number, column: number): void {
    for (;;) {
      if (this.problem) return;
      const c = this.code();
      if (c === 45 /* - */ && this.isSeparated(this.at + 1)) {
        this.at += 1;
        this.spaces();
        if (this.atLineEnd()) return this.nextLine();
        // A compact nested node (`- - x`, `- key: v`) sits at its own column, one level deeper.
        parent = column;
        column = this.at - (this.text.lastIndexOf('\n', this.at - 1) + 1);
        if (this.code() === 45 && this.isSeparated(this.at + 1)) this.push({ indent: column, kind: 'seq', awaitingValue: false });
        continue;
      }
      if (c === 63 /* ? */ && this.isSeparated(this.at + 1)) {
        this.at += 1;
        this.spaces();
        if (this.atLineEnd()) return this.nextLine();
        continue;
      }
      if (this.property()) {
        // `key: &anchor` or `- !!map` alone on a line: the node is the block below.
        if (this.atLineEnd()) return this.nextLine();
        continue;
      }
      if (c === 42 /* * */) {
        this.aliases = true;
        return this.restOfLine(parent);
      }
      if (c === 91 /* [ */ || c === 123 /* { */) {
        this.flow();
        return this.afterKey(parent, column);
      }
      if (c === 34 /* " */ || c === 39 /* ' */) {
        this.quoted();
        return this.afterKey(parent, column);
      }
      if (c === 124 /* | */ || c === 62 /* > */) {
        this.skipDeeperThan = parent;
        return this.nextLine();
      }
      return this.plain(parent, column);
    }
  }

  /** `&anchor` or `!tag` before a node; true when one was consumed. */
  private property(): boolean {
    const c = this.code();
    if (c !== 38 /* & */ && c !== 33 /* ! */) return false;
    const start = this.at;
    while (this.at < this.text.length && !this.isSeparated(this.at) && !',[]{}'.includes(this.text[this.at]!)) this.at += 1;
    if (c === 38) this.anchors = true;
    else if (!CORE_TAGS.has(this.text.slice(start, this.at))) this.fail({ kind: 'tag', offset: start, tag: this.text.slice(start, this.at) });
    this.spaces();
    return true;
  }

  /** After a flow collection or quoted scalar: `: value` makes it a key; anything else ends the node. */
  private afterKey(parent: number, column: number): void {
    this.spaces();
    if (this.code() === 58 /* : */ && this.isSeparated(this.at + 1)) return this.value(column);
    this.restOfLine(parent);
  }

  /** A plain scalar, or a plain key followed by `:`. */
  private plain(parent: number, column: number): void {
    const end = this.endOfLine();
    for (let i = this.at; i < end; i += 1) {
      const c = this.text.charCodeAt(i);
      if (c === 35 /* # */ && this.precededBySpace(i)) break;
      if (c === 58 /* : */ && this.isSeparated(i + 1)) {
        this.at = i;
        return this.value(column);
      }
    }
    this.restOfLine(parent);
  }

  /** The value after a key at `column` (`this.at` is on the colon). */
  private value(column: number): void {
    this.keyAt(column);
    if (this.problem) return;
    this.at += 1;
    this.spaces();
    if (this.atLineEnd()) {
      this.blocks[this.blocks.length - 1]!.awaitingValue = true;
      return this.nextLine();
    }
    this.node(column, this.at - (this.text.lastIndexOf('\n', this.at - 1) + 1));
  }

  /** The rest of the line is scalar text; more indented lines after it continue the scalar. */
  private restOfLine(parent: number): void {
    this.skipDeeperThan = parent;
    this.nextLine();
  }

  /** A quoted scalar starting at `this.at`, over as many lines as it takes. */
  private quoted(): void {
    const quote = this.text[this.at]!;
    let i = this.at + 1;
    for (;;) {
      const close = this.text.indexOf(quote, i);
      if (close === -1) return void (this.at = this.text.length);
      if (quote === "'") {
        if (this.text[close + 1] === "'") {
          i = close + 2;
          continue;
        }
      } else {
        let backslashes = 0;
        while (this.text[close - 1 - backslashes] === '\\') backslashes += 1;
        if (backslashes % 2 === 1) {
          i = close + 1;
          continue;
        }
      }
      this.at = close + 1;
      return;
    }
  }

  /** Whether a `:` at `offset` in flow context separates a key from its value. */
  private isFlowColon(offset: number): boolean {
    const next = this.text.charCodeAt(offset + 1);
    const before = this.text.charCodeAt(offset - 1);
    return this.isSeparated(offset + 1) || next === 44 || next === 91 || next === 93 || next === 123 || next === 125 || before === 34 || before === 39;
  }

  /**
   * A flow collection (all of JSON) starting at `this.at`, over as many lines as it takes. A
   * `key: value` entry of a flow sequence is a one-pair mapping, so it counts as a level too.
   */
  private flow(): void {
    // Per open collection: 0 a mapping, 1 a sequence, 2 a sequence inside a one-pair mapping entry.
    const open: number[] = [];
    let depth = this.blocks.length;
    let tokenStart = true;
    while (this.at < this.text.length) {
      const c = this.code();
      if (c === 91 || c === 123) {
        open.push(c === 91 ? 1 : 0);
        depth += 1;
        if (depth > this.maxDepth) return this.fail({ kind: 'too-deep', offset: this.at });
        this.at += 1;
        tokenStart = true;
      } else if (c === 93 || c === 125) {
        const closed = open.pop();
        depth -= closed === 2 ? 2 : 1;
        this.at += 1;
        if (open.length === 0) return;
        tokenStart = false;
      } else if (c === 44 /* , */) {
        if (open[open.length - 1] === 2) {
          open[open.length - 1] = 1;
          depth -= 1;
        }
        this.at += 1;
        tokenStart = true;
      } else if (c === 58 /* : */ && this.isFlowColon(this.at)) {
        if (open[open.length - 1] === 1) {
          open[open.length - 1] = 2;
          depth += 1;
          if (depth > this.maxDepth) return this.fail({ kind: 'too-deep', offset: this.at });
        }
        this.at += 1;
        tokenStart = true;
      } else if (c === SPACE || c === TAB || c === LF || c === CR) {
        this.at += 1;
      } else if (c === 35 /* # */ && this.precededBySpace()) {
        this.at = this.endOfLine();
      } else if (tokenStart && (c === 34 || c === 39)) {
        this.quoted();
        this.spaces();
        if (this.code() === 58) this.flowKeys += 1;
        tokenStart = false;
      } else if (tokenStart && (c === 38 || c === 33)) {
        this.property();
        if (this.problem) return;
      } else if (tokenStart && c === 42) {
        this.aliases = true;
        this.at += 1;
        tokenStart = false;
      } else {
        this.at += 1;
        tokenStart = false;
      }
    }
  }
}

/** Scans a spec's text for what must be refused before parsing; see the module comment. */
export function scanStructure(text: string, maxDepth: number): StructureScan {
  const scanner = new Scanner(text, maxDepth);
  scanner.run();
  return { problem: scanner.problem, mayExpandAliases: scanner.anchors && scanner.aliases, flowKeys: scanner.flowKeys };
}
