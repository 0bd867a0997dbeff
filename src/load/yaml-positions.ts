import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml-module.js';

export interface LinePosition {
  /** 1-based, as editors show it. */
  line: number;
  column: number;
}

/** Answers "where is this key path in the file?" for a YAML (or JSON) text. */
export type Locator = (path: readonly (string | number)[]) => LinePosition | undefined;

function childOf(node: unknown, segment: string | number): { key?: Node; value: unknown } | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
    return pair ? { key: pair.key as Node, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/**
 * A locator over a parsed YAML document: the position of the last key of the path (of the item,
 * for a sequence index); when the path leaves the document, the deepest part that exists.
 */
export function locatorFor(document: Document, lineCounter: LineCounter): Locator {
  return (path) => {
    let node: unknown = document.contents;
    let found: Node | undefined = document.contents ?? undefined;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) break;
      found = child.key ?? (child.value as Node);
      node = child.value;
    }
    const offset = found?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

/** Parses a text only to locate key paths in it (its values are read elsewhere). */
export function locatorForText(text: string): Locator {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  return locatorFor(document, lineCounter);
}
