import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { checkAliasExpansion } from '../../src/load/alias-budget.js';
import { scanStructure } from '../../src/load/scan-structure.js';

// The pre-parse scan must never see less depth, or fewer aliases, than a YAML parser does: those
// are what it exists to stop. Checked on documents the yaml package writes from random trees,
// in block and flow style, with shared subtrees written as anchors and aliases.

type Tree = null | boolean | number | string | Tree[] | { [key: string]: Tree };

const key = fc.constantFrom('a', 'b', 'type', 'items', 'x-y', 'with space', 'colon: inside', '- dash', '# hash', "it's", '"quoted"', '__proto__', '*star', '&amp', '!bang', '[x]', '{y}');
const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 12 }), key, fc.constantFrom('multi\nline\ntext', '  leading spaces', '*not an alias', '&not an anchor', '---', '[unbalanced', 'a: b'));

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

/** A tree where some subtrees appear twice by reference, so the writer emits anchors and aliases. */
const treeWithSharing = fc.tuple(tree, tree, fc.boolean()).map(([a, b, share]): Tree => (share && b !== null && typeof b === 'object' ? { first: b, second: [a, b], third: { again: b } } : { first: a, second: b }));

const style = fc.record({ flow: fc.boolean(), indent: fc.integer({ min: 1, max: 4 }), indentSeq: fc.boolean() });

function depthOf(value: Tree): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

/** Nesting of the syntax tree as written (an alias is a leaf). */
function writtenDepth(node: unknown): number {
  if (YAML.isPair(node)) return Math.max(writtenDepth(node.key), writtenDepth(node.value));
  if (!YAML.isCollection(node)) return 0;
  return 1 + Math.max(0, ...node.items.map(writtenDepth));
}

/** Nodes of a syntax tree as written, each alias one node (keys count, as the budget counts them). */
function writtenNodes(document: YAML.Document): number {
  let count = 0;
  YAML.visit(document, { Node: () => void (count += 1) });
  return count;
}

/** The smallest depth limit the scan accepts the text under. */
function scannedDepth(text: string): number {
  let low = 0;
  let high = 10_000;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (scanStructure(text, middle).problem?.kind === 'too-deep') low = middle + 1;
    else high = middle;
  }
  return low;
}

function write(value: Tree, { flow, indent, indentSeq }: { flow: boolean; indent: number; indentSeq: boolean }): string {
  const document = new YAML.Document(value, { aliasDuplicateObjects: true });
  if (flow) YAML.visit(document, { Map: (_, node) => void (node.flow = true), Seq: (_, node) => void (node.flow = true) });
  return document.toString({ indent, indentSeq, lineWidth: 0 });
}

/** Nodes of parsed data as the budget counts them: each collection, key and scalar is one. */
function countNodes(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  if (Array.isArray(value)) return 1 + value.reduce((sum: number, child) => sum + countNodes(child), 0);
  return 1 + Object.values(value).reduce((sum: number, child) => sum + 1 + countNodes(child), 0);
}

describe('scan-structure: never less than the parser sees', () => {
  it('counts at least the real nesting depth of the text, and not wildly more, in any style', () => {
    fc.assert(
      fc.property(treeWithSharing, style, (value, options) => {
        const text = write(value, options);
        // Depth as written: aliases are leaves here; what they add is the alias budget's to check (below).
        const written = writtenDepth(YAML.parseDocument(text).contents);
        const scanned = scannedDepth(text);
        expect(scanned).toBeGreaterThanOrEqual(written);
        expect(scanned).toBeLessThanOrEqual(2 * written + 2);
        expect(scanStructure(text, 10_000).problem).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('finds the depth aliases add: the expanded depth is refused exactly above the limit', () => {
    fc.assert(
      fc.property(treeWithSharing, style, (value, options) => {
        const text = write(value, options);
        const document = YAML.parseDocument(text);
        const expanded = depthOf(YAML.parse(text, { maxAliasCount: -1 }) as Tree);
        expect(checkAliasExpansion(document, Number.MAX_SAFE_INTEGER, expanded)).toBeUndefined();
        if (scanStructure(text, 10_000).mayExpandAliases && scannedDepth(text) < expanded) {
          expect(checkAliasExpansion(document, Number.MAX_SAFE_INTEGER, expanded - 1)?.kind).toBe('too-deep');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sees anchors and aliases whenever the document has them', () => {
    fc.assert(
      fc.property(treeWithSharing, style, (value, options) => {
        const text = write(value, options);
        let aliases = 0;
        YAML.visit(YAML.parseDocument(text), { Alias: () => void (aliases += 1) });
        if (aliases > 0) expect(scanStructure(text, 10_000).mayExpandAliases).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly the nodes aliases add, so the budget is met or exceeded by one', () => {
    fc.assert(
      fc.property(treeWithSharing, style, (value, options) => {
        const text = write(value, options);
        const document = YAML.parseDocument(text);
        let aliases = 0;
        YAML.visit(document, { Alias: () => void (aliases += 1) });
        if (aliases === 0) return;
        const added = countNodes(document.toJS({ maxAliasCount: -1 })) - writtenNodes(document);
        expect(checkAliasExpansion(document, added)).toBeUndefined();
        expect(checkAliasExpansion(document, added - 1)?.kind).toBe('too-many');
      }),
      { numRuns: 200 },
    );
  });
});
