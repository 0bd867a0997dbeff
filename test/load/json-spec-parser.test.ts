import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonParseResult, JsonSpecParser } from '../../src/load/json-spec-parser.js';
import { lineAt } from '../../src/load/json-spec-locations.js';
import { scanJsonText } from '../../src/load/json-text-scan.js';
import { lineForPosition, ORDER_KEY } from '../../src/load/stoplight-yaml.js';
import { compareParsers } from './parser-comparison.js';

/** The offsets just after each line feed, then the text length + 1: @stoplight/yaml's line map, by its definition. */
function yamlLineMap(text: string): number[] {
  const lineMap: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineMap.push(i + 1);
  lineMap.push(text.length + 1);
  return lineMap;
}

/** How a generated document is written: JSON allows whitespace between tokens, and escapes in strings. */
interface Style {
  before: string;
  afterOpen: string;
  beforeClose: string;
  beforeColon: string;
  afterColon: string;
  beforeComma: string;
  afterComma: string;
  after: string;
  /** Write non-ASCII characters and `/` as escapes. */
  escape: boolean;
  lineBreak: '\n' | '\r\n';
}

const space = (withBreaks: boolean) => fc.constantFrom('', ' ', '  ', ...(withBreaks ? ['\n', '\n  ', ' \n    ', '\n\n'] : []));

const styles: fc.Arbitrary<Style> = fc.record({
  before: fc.constantFrom('', '\n', '  ', '\n\n ', ' \n'),
  afterOpen: space(true),
  beforeClose: space(true),
  beforeColon: space(false),
  afterColon: space(true),
  beforeComma: space(true),
  afterComma: space(true),
  after: fc.constantFrom('', '\n', '  \n\n'),
  escape: fc.boolean(),
  lineBreak: fc.constantFrom('\n' as const, '\r\n' as const),
});

function quote(text: string, style: Style): string {
  const quoted = JSON.stringify(text);
  if (!style.escape) return quoted;
  return quoted.replace(/[^\x20-\x7e]|\//g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A generated value: objects are lists of entries (the text keeps their order), numbers their JSON text. */
type Generated = null | boolean | string | { raw: string } | { entries: Array<[string, Generated]> } | Generated[];

function write(value: Generated, style: Style): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `[${style.afterOpen}]`;
    return `[${style.afterOpen}${value.map((item) => write(item, style)).join(`${style.beforeComma},${style.afterComma}`)}${style.beforeClose}]`;
  }
  if (value !== null && typeof value === 'object' && 'raw' in value) return value.raw;
  if (value !== null && typeof value === 'object') {
    const { entries } = value;
    if (entries.length === 0) return `{${style.afterOpen}}`;
    const members = entries.map(([key, item]) => `${quote(key, style)}${style.beforeColon}:${style.afterColon}${write(item, style)}`);
    return `{${style.afterOpen}${members.join(`${style.beforeComma},${style.afterComma}`)}${style.beforeClose}}`;
  }
  if (typeof value === 'string') return quote(value, style);
  return String(value);
}

function render(document: Generated, style: Style): string {
  const text = `${style.before}${write(document, style)}${style.after}`;
  return style.lineBreak === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
}

// Keys that JavaScript orders differently from the text, or that only look like they might.
const keys = fc.oneof(
  fc.constantFrom('200', '404', '0', '1', '10', '01', '-1', '1.5', '4294967294', '4294967295', 'default', '__proto__', 'constructor', '', 'a/b', 'tilde~0', 'x y', 'é', '😀', '"q"', '\\'),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.nat({ max: 600 }).map(String),
);

// Numbers as JSON writes them, including forms JSON.stringify never produces.
const numbers = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('-0', '0.0', '1e5', '1E+5', '-1.5e-7', '12345678901234567890', '-98765432109876543210987', '1e400', '0.1e-400', '9007199254740993'),
);

// No duplicate keys: those go to the YAML parser (tested below).
const documents = fc.letrec<{ value: Generated; array: Generated[]; object: { entries: Array<[string, Generated]> } }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.boolean(), numbers.map((n) => ({ raw: n })), fc.string({ unit: 'binary', maxLength: 8 }), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.uniqueArray(fc.tuple(keys, tie('value')), { maxLength: 6, selector: ([key]) => key }).map((entries) => ({ entries })),
}));

describe('JsonSpecParser', () => {
  it("gives exactly the YAML parser's data, diagnostics and ranges on generated JSON objects", () => {
    fc.assert(
      fc.property(documents.object, styles, (document, style) => {
        const text = render(document, style);
        const comparison = compareParsers(text);
        expect(comparison.differences, text).toEqual([]);
        // Only a `<<` key (YAML's merge key) sends generated JSON to the YAML parser.
        expect(comparison.fast, text).toBe(!/"(<<|\\u003c\\u003c)"\s*:/.test(text));
      }),
      { numRuns: 300 },
    );
  });

  it("notes @stoplight/yaml's line map while scanning, line breaks anywhere JSON allows whitespace", () => {
    const anySpace = styles.chain((style) => space(true).map((beforeColon) => ({ ...style, beforeColon })));
    fc.assert(
      fc.property(documents.value, anySpace, (document, style) => {
        const text = render(document, style);
        expect(scanJsonText(text).lineMap, JSON.stringify(text)).toEqual(yamlLineMap(text));
      }),
      { numRuns: 500 },
    );
  });

  it("puts every offset on the line @stoplight/yaml's lineForPosition gives", () => {
    const texts = fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\n\n', '{ "x": 1 }'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        const lineMap = yamlLineMap(text);
        for (let offset = 0; offset <= text.length + 1; offset += 1) expect(lineAt(offset, lineMap)).toBe(lineForPosition(offset, lineMap));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the written key order, with a proxy only where JavaScript would list the keys otherwise', () => {
    const text = '{"b": 1, "inOrder": {"200": 1, "404": 2, "default": 3}, "outOfOrder": {"default": 1, "404": 2, "200": 3}, "descending": {"404": 1, "200": 2}, "list": [{"1": 0, "0": 0}]}';
    const result = JsonSpecParser.parse(text);
    expect(result).toBeInstanceOf(JsonParseResult);
    const data = result.data as Record<string, Record<string, unknown>>;
    expect(Reflect.ownKeys(data)).toEqual(['b', 'inOrder', 'outOfOrder', 'descending', 'list']);
    expect(Reflect.ownKeys(data.inOrder!)).toEqual(['200', '404', 'default']);
    expect(Reflect.ownKeys(data.outOfOrder!)).toEqual([ORDER_KEY, 'default', '404', '200']);
    expect(Reflect.ownKeys(data.descending!)).toEqual([ORDER_KEY, '404', '200']);
    expect(Reflect.ownKeys((data.list as unknown as object[])[0]!)).toEqual([ORDER_KEY, '1', '0']);
    expect(JSON.stringify(data.outOfOrder)).toBe('{"default":1,"404":2,"200":3}');
    expect(compareParsers(text).differences).toEqual([]);
  });

  it('keeps the written order of a top-level object that JavaScript would reorder', () => {
    const text = '{"openapi": "3.0.3", "200": {"x": 1}}';
    expect(Reflect.ownKeys(JsonSpecParser.parse(text).data as object)).toEqual([ORDER_KEY, 'openapi', '200']);
    expect(compareParsers(text)).toMatchObject({ fast: true, differences: [] });
  });

  it('keeps `__proto__` keys as data, in an ordered object too', () => {
    const text = '{"__proto__": {"polluted": true}, "a": {"__proto__": 1, "200": 2}, "404": {"__proto__": {"200": {}, "100": {}}}}';
    const data = JsonSpecParser.parse(text).data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(compareParsers(text)).toMatchObject({ fast: true, differences: [] });
  });

  it('hands every text it cannot read exactly as the YAML parser would to that parser', () => {
    const texts = {
      tabs: '{\n\t"openapi": "3.0.3"\n}',
      'duplicate keys': '{"paths": {}, "paths": {"/a": {}}}',
      'a merge key': '{"base": {"a": 1}, "b": {"<<": {"a": 2}}}',
      'an escaped merge key': '{"b": {"\\u003c<": {"a": 2}}}',
      'a colon on the next line': '{"a"\n: 1}',
      'a colon after a carriage return': '{"a"\r: 1}',
      'a trailing comma': '{"a": 1,}',
      'a top-level array': '[{"a": 1}]',
      'YAML in flow style': '{a: 1, b: [x, y]}',
      'a comment': '{"a": 1} # note',
    };
    for (const [name, text] of Object.entries(texts)) {
      const comparison = compareParsers(text);
      expect(comparison.fast, name).toBe(false);
      expect(comparison.differences, name).toEqual([]);
    }
  });

  it('reads a `<<` inside a string, a tab-free CRLF text and a second-line start on the fast path', () => {
    for (const text of ['{"description": "a << b", "x": {"k": "<<"}}', '{\r\n  "a": [\r\n    1,\r\n    {}\r\n  ]\r\n}\r\n', '\n{"a": {}}', '\n\n  {"a": []}']) {
      expect(compareParsers(text), text).toMatchObject({ fast: true, differences: [] });
    }
  });
});
