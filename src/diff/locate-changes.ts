import { pointerSegments } from '../json-pointer.js';
import { jsonLocatorFor } from '../load/json-positions.js';
import { locatorForText, type Locator } from '../load/yaml-positions.js';
import type { Change } from './types.js';

/** JSON descriptions get the one-pass scanner (GitHub's 10 MB JSON: a full YAML parse with positions takes seconds). */
function locatorFor(text: string, paths: Array<Array<string | number>>): Locator {
  if (/^\s*[{[]/.test(text)) {
    try {
      return jsonLocatorFor(text, paths);
    } catch {
      // YAML in flow style looks like JSON; the YAML locator reads it.
    }
  }
  return locatorForText(text);
}

/**
 * Gives each change the line and column of what it concerns in the revision's text: the object its
 * pointer names, or, for something the revision no longer has, its deepest surviving parent (a
 * removed operation points at its path item, or at `paths`). Costs a second pass over the
 * revision, so it runs only for the formats that show positions.
 */
export function locateChanges(changes: Change[], rawText: string): Change[] {
  const text = rawText.replace(/^\uFEFF/, '');
  // Sequence items are addressed by number; a map key that looks like one ('200') matches either way.
  const pathOf = (pointer: string) => pointerSegments(pointer).map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
  const locate = locatorFor(text, changes.flatMap((c) => (c.pointer === undefined ? [] : [pathOf(c.pointer)])));
  return changes.map((change) => {
    const position = change.pointer === undefined ? undefined : locate(pathOf(change.pointer));
    if (!position) return change;
    const at = { line: position.line - 1, character: position.column - 1 };
    return { ...change, range: { start: at, end: at } };
  });
}
