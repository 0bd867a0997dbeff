import { JsonTextIndex } from './json-text-index.js';
import type { LinePosition, Locator } from './yaml-positions.js';

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
 * The deepest part of `path` that exists: a member at its key (as the YAML locator does), an item
 * where it starts. Keys match the segment as a string; items match a number or a canonical number
 * string ('3', not '03').
 */
function deepestOffset(index: JsonTextIndex, path: readonly (string | number)[]): number {
  let value = index.root;
  let found = value;
  for (const segment of path) {
    if (index.isObject(value)) {
      const member = index.members(value).get(String(segment));
      if (member === undefined) break;
      found = member.keyStart;
      value = member.valueStart;
    } else if (index.isArray(value)) {
      const position = Number(segment);
      const items = index.items(value);
      if (!Number.isInteger(position) || position < 0 || position >= items.length || String(position) !== String(segment)) break;
      found = value = items[position]!;
    } else {
      break;
    }
  }
  return found;
}

/**
 * A locator for paths in a JSON text: the position of the deepest part of each path that exists,
 * like `locatorFor` over YAML. One scan of the text (the index the JSON spec parser uses), then
 * each lookup reads only the objects and arrays on its path; a second full parse with positions
 * would cost seconds and hundreds of MB on a description the size of GitHub's. `paths` are the
 * paths that will be asked for (lookups are lazy, so any path may be). Throws when the text is
 * not JSON.
 */
export function jsonLocatorFor(text: string, paths?: ReadonlyArray<ReadonlyArray<string | number>>): Locator {
  const index = JsonTextIndex.of(text);
  const starts = lineStarts(text);
  return (path) => positionOf(starts, deepestOffset(index, path));
}
