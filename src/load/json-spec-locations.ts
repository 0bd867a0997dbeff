import type { ILocation, JsonPath } from '@stoplight/types';
import type { JsonTextIndex } from './json-text-index.js';
import { isJsonSpace } from './json-tokens.js';
import { lineForPosition } from './stoplight-yaml.js';

/**
 * Ranges for paths into a JSON text, exactly as Spectral's YAML parser (@stoplight/yaml over
 * @stoplight/yaml-ast-parser) reports them for the same text, computed from offsets instead of a
 * syntax tree. Its conventions, kept here because findings carry them:
 * - a member whose value is an object or array starts just after its key's closing quote + 1;
 *   any other value starts where it is written; the top-level value starts where it is written,
 *   or at 0 when it starts the second line;
 * - a value ends where its last scalar ends (an object or array ends with its last member's
 *   value, recursively), an empty object or array just after its closing bracket, an empty
 *   top-level value at the end of the text;
 * - a key matches a string segment only; an array item matches any segment whose Number() is
 *   its index ('1', 1, '01').
 */

interface Node {
  offset: number;
  /** Set when the node is a member's value: just after the key's closing quote. */
  keyEnd?: number;
}

/** The offsets just after each line feed, then the text length + 1: @stoplight/yaml's line map. */
export function yamlLineMap(text: string): number[] {
  const lineMap: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineMap.push(i + 1);
  lineMap.push(text.length + 1);
  return lineMap;
}

function childOf(index: JsonTextIndex, node: Node, segment: string | number): Node | undefined {
  if (index.isObject(node.offset)) {
    if (typeof segment !== 'string') return undefined;
    const member = index.members(node.offset).get(segment);
    return member && { offset: member.valueStart, keyEnd: member.keyEnd };
  }
  if (index.isArray(node.offset)) {
    const items = index.items(node.offset);
    const position = Number(segment);
    return Number.isInteger(position) && position >= 0 && position < items.length ? { offset: items[position]! } : undefined;
  }
  return undefined;
}

/** Where the YAML parser ends a container: at its last scalar, or after it when it is empty. */
function containerEnd(index: JsonTextIndex, open: number, isRoot: boolean): number {
  const { text } = index;
  let close = index.closeOf(open);
  for (let outermost = true; ; outermost = false) {
    let last = close - 1;
    while (isJsonSpace(text.charCodeAt(last))) last -= 1;
    const c = text[last];
    if (c === '{' || c === '[') return outermost && isRoot ? text.length : close + 1;
    if (c !== '}' && c !== ']') return last + 1;
    close = last;
  }
}

function startOf(index: JsonTextIndex, node: Node, isRoot: boolean, lineMap: number[]): number {
  if (isRoot) return lineMap[0] === node.offset ? 0 : node.offset;
  const isContainer = index.isObject(node.offset) || index.isArray(node.offset);
  return node.keyEnd !== undefined && isContainer ? node.keyEnd + 1 : node.offset;
}

function endOf(index: JsonTextIndex, node: Node, isRoot: boolean): number {
  const isContainer = index.isObject(node.offset) || index.isArray(node.offset);
  return isContainer ? containerEnd(index, node.offset, isRoot) : index.valueEnd(node.offset);
}

function positionAt(offset: number, lineMap: number[]): { line: number; character: number } {
  const line = lineForPosition(offset, lineMap);
  return { line, character: offset - (line === 0 ? 0 : lineMap[line - 1]!) };
}

/**
 * The range of `path` in the text, or, when the path leaves the document, undefined — or with
 * `closest`, the range of the deepest part of it that exists.
 */
export function locateJsonPath(index: JsonTextIndex, lineMap: number[], path: JsonPath, closest: boolean): ILocation | undefined {
  let node: Node = { offset: index.root };
  let depth = 0;
  for (const segment of path) {
    const child = childOf(index, node, segment);
    if (child === undefined) {
      if (!closest) return undefined;
      break;
    }
    node = child;
    depth += 1;
  }
  const isRoot = depth === 0;
  return { range: { start: positionAt(startOf(index, node, isRoot, lineMap), lineMap), end: positionAt(endOf(index, node, isRoot), lineMap) } };
}
