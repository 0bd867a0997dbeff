import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Hostile inputs, each written into a fresh temp directory and run through both `lint` and
 * `diff` (as the revision). Layout: the spec is `<dir>/api/<spec>` and the working directory is
 * `<dir>/api`; `<dir>/outside/secret.yaml` holds SECRET, which no output may ever contain.
 */

export const SECRET = 'TOP-SECRET-7f3a9c';
export const SECRET_FILE = 'outside/secret.yaml';
export const SECRET_YAML = `type: string\ndescription: ${SECRET}\n`;

export interface CaseContext {
  /** The temp directory (its api/ folder is the working directory). */
  dir: string;
  /** Base URL of a loopback HTTP listener that must never be contacted. */
  listener: string;
}

/** What a run must do: exit 2 with exactly these stderr lines, or exit 0/1 with these checks. */
export type Expectation =
  | { code: 2; stderr: string[] }
  | {
      code: 0 | 1;
      /** Lint: findings that must be among those reported (path as dotted segments). */
      lintFindings?: Array<{ code: string; path?: string; message?: string | RegExp }>;
      /** Lint: rule codes that must not be reported. */
      absentCodes?: string[];
      /** Diff: the whole text report. */
      diffOutput?: string;
    };

export interface HostileCase {
  name: string;
  /** The spec argument (relative to <dir>/api). */
  spec: string;
  /** Writes the case's files; returns nothing. */
  write(context: CaseContext): void;
  env?: Record<string, string>;
  lint: Expectation;
  diff: Expectation;
}

const HEAD = 'openapi: 3.0.3\ninfo: {title: Hostile, version: 1.0.0}\n';

function write(dir: string, file: string, content: string | Buffer): void {
  const target = path.join(dir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** A spec whose one operation returns `schema`, as YAML flow text. */
function withSchema(schema: string): string {
  return `${HEAD}paths:\n  /things:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`;
}

interface Expectations {
  lint: Expectation;
  diff: Expectation;
}

/** A case whose spec file has this content. */
function spec(name: string, file: string, content: string | Buffer, expect: Expectations, env?: Record<string, string>): HostileCase {
  return { name, spec: file, write: ({ dir }) => write(dir, `api/${file}`, content), ...expect, env };
}

/** Exit 2 with one line, for lint (`file: what`) and diff (`revision: file: what`). */
function refused(file: string, what: string): Expectations {
  return { lint: { code: 2, stderr: [`apigov: ${file}${what}`] }, diff: { code: 2, stderr: [`apigov: revision: ${file}${what}`] } };
}

/** A `$ref` that must not be followed: lint reports invalid-ref with `message`, diff refuses the dangling ref. */
function unreadableRef(
  name: string,
  ref: (context: CaseContext) => string,
  message: (context: CaseContext) => string | RegExp,
  extra?: (context: CaseContext) => void,
  /** Diff's reason where it differs from lint's (diff resolves absolute paths and file: URLs as such); '' for none. */
  diffReason?: (context: CaseContext) => string,
): HostileCase {
  let expectedMessage: string | RegExp = '';
  let expectedReason = '';
  let refText = '';
  return {
    name,
    spec: 'api.yaml',
    write(context) {
      refText = ref(context);
      expectedMessage = message(context);
      expectedReason = diffReason ? diffReason(context) : String(expectedMessage);
      extra?.(context);
      write(context.dir, 'api/api.yaml', withSchema(`{$ref: '${refText}'}`));
    },
    get lint(): Expectation {
      return { code: 1, lintFindings: [{ code: 'invalid-ref', path: 'paths./things.get.responses.200.content.application/json.schema.$ref', message: expectedMessage }] };
    },
    get diff(): Expectation {
      const reason = expectedReason === '' ? '' : `: ${expectedReason}`;
      return { code: 2, stderr: [`apigov: revision: api.yaml: $ref "${refText}" at paths./things.get.responses.200.content.application/json.schema cannot be resolved${reason}`] };
    },
  };
}

// The classic "billion laughs": nine levels of nine aliases, 10^9 strings from ~420 bytes.
const LOL_BOMB =
  `${HEAD}paths: {}\n` +
  'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
  ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((name, i) => `x-${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]\n`).join('');

// Merge keys are aliases too: each level merges the previous one nine times.
const MERGE_CHAIN =
  `${HEAD}paths: {}\n` +
  'x-a: &a {a0: 0, a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8}\n' +
  ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((name, i) => `x-${name}: &${name}\n  <<: [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]\n  own-${name}: [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]\n`).join('');

const DEEP = 20_000;

// Six hundred small anchors, each a list holding an alias of the one before: shallow text, deep data.
const ALIAS_CHAIN = `${HEAD}paths: {}\nx-a0: &a0 [leaf]\n${Array.from({ length: 600 }, (_, i) => `x-a${i + 1}: &a${i + 1} [*a${i}]\n`).join('')}`;
const BEFORE_BAD_BYTE = `${HEAD}paths: {}\nx-note: "caf\u00e9 `;
/** `diff clean.yaml <spec>` for a spec that adds GET /things and keeps info.version. */
const THINGS_ADDED =
  'API\n  info  api-version-not-bumped  info.version is still 1.0.0 although the description changed  info.version\n\n' +
  'GET /things\n  info  endpoint-added  operation added  paths./things.get\n\n' +
  '0 breaking (error), 0 warning, 2 info changes.\nRecommended release: minor. info.version unchanged (1.0.0), not enough.\n';

export const HOSTILE_CASES: HostileCase[] = [
  spec('an empty file', 'api.yaml', '', refused('api.yaml', ': file is empty')),
  spec('only whitespace', 'api.yaml', '  \n\t\n\n', refused('api.yaml', ': file is empty')),
  spec('binary bytes (a PNG header)', 'api.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    refused('api.yaml', ':1:1: not valid UTF-8: byte 0x89 at byte offset 0')),
  spec('invalid UTF-8 in the middle', 'api.yaml', Buffer.concat([Buffer.from(BEFORE_BAD_BYTE), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]),
    // Line 4 column 15 is after `x-note: "café `; the offset counts é as the two bytes it is.
    refused('api.yaml', `:4:15: not valid UTF-8: byte 0xC3 at byte offset ${Buffer.byteLength(BEFORE_BAD_BYTE)}`)),
  spec('a NUL character', 'api.yaml', `${HEAD}paths: {}\nx-note: a\u0000b\n`,
    refused('api.yaml', ':4:10: not YAML or JSON: a NUL character (a binary file, or UTF-16 without a byte order mark)')),
  spec('UTF-16 without a byte order mark', 'api.yaml', Buffer.from(`${HEAD}paths: {}\n`, 'utf16le'),
    refused('api.yaml', ':1:2: not YAML or JSON: a NUL character (a binary file, or UTF-16 without a byte order mark)')),
  spec('broken YAML', 'api.yaml', `${HEAD}paths: {/a: [\n`,
    { lint: { code: 2, stderr: ['apigov: api.yaml:4:1: not valid YAML or JSON: Unexpected end of the stream within a flow collection'] }, diff: { code: 2, stderr: ['apigov: revision: api.yaml:4:1: not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]'] } }),
  spec('broken JSON', 'api.json', '{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {"/a": }',
    { lint: { code: 2, stderr: ['apigov: api.json:2:1: not valid YAML or JSON: Unexpected end of the stream within a flow collection'] }, diff: { code: 2, stderr: ['apigov: revision: api.json:1:79: not valid YAML or JSON: Flow map must end with a }'] } }),
  spec('a list at the root', 'api.yaml', '- openapi: 3.0.3\n- paths: {}\n', refused('api.yaml', ': not an API description: the document is a list, not a mapping')),
  spec('a scalar at the root', 'api.yaml', 'just some text\n', refused('api.yaml', ': not an API description: the document is a string, not a mapping')),
  spec('not an API description', 'api.yaml', 'name: my-service\nreplicas: 3\n', refused('api.yaml', ': not an API description: no "openapi", "swagger" or "asyncapi" field at the top level')),
  spec('an unknown version', 'api.yaml', 'openapi: 4.1.0\ninfo: {title: x, version: "1"}\npaths: {}\n', {
    lint: { code: 2, stderr: ['apigov: api.yaml:1:10: unsupported OpenAPI version "4.1.0" (apigov reads Swagger 2.0 and OpenAPI 3.0, 3.1, 3.2)'] },
    diff: { code: 2, stderr: ['apigov: revision: api.yaml:1:1: unsupported OpenAPI version "4.1.0" (apigov reads Swagger 2.0 and OpenAPI 3.0, 3.1, 3.2)'] },
  }),
  spec('mixed versions (openapi and swagger)', 'api.yaml', 'openapi: 3.0.3\nswagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n',
    { lint: { code: 2, stderr: ['apigov: api.yaml:2:10: ambiguous API description: both "openapi" and "swagger" at the top level'] }, diff: { code: 2, stderr: ['apigov: revision: api.yaml:2:1: ambiguous API description: both "openapi" and "swagger" at the top level'] } }),
  spec('duplicate keys', 'api.yaml', `${HEAD}paths: {}\npaths: {/a: {}}\n`,
    { lint: { code: 1, lintFindings: [{ code: 'parser', path: 'paths', message: 'Duplicate key: paths' }] }, diff: { code: 2, stderr: ['apigov: revision: api.yaml:4:1: duplicate key (each key may appear once in a mapping)'] } }),
  spec('duplicate keys in JSON', 'api.json', '{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {}, "paths": {"/a": {}}}',
    { lint: { code: 1, lintFindings: [{ code: 'parser', path: 'paths', message: 'Duplicate key: paths' }] }, diff: { code: 2, stderr: ['apigov: revision: api.json:1:75: duplicate key (each key may appear once in a mapping)'] } }),
  spec('a YAML alias bomb (billion laughs)', 'api.yaml', LOL_BOMB,
    refused('api.yaml', ':10:10: YAML aliases expand to more than 1,000,000 nodes (an alias bomb); not parsed')),
  spec('a merge-key chain', 'api.yaml', MERGE_CHAIN,
    refused('api.yaml', ':15:36: YAML aliases expand to more than 1,000,000 nodes (an alias bomb); not parsed')),
  spec('an alias inside the node it names', 'api.yaml', `${HEAD}paths: {}\nx-loop: &loop [1, *loop]\n`,
    refused('api.yaml', ':4:19: YAML alias "*loop" is inside the node it names, so it never stops expanding; not parsed')),
  spec(`${DEEP.toLocaleString('en-US')}-deep nesting in YAML`, 'api.yaml', `${HEAD}paths: {}\nx-deep: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
    refused('api.yaml', ':4:508: nested deeper than 500 levels; not parsed')),
  spec(`${DEEP.toLocaleString('en-US')}-deep block sequences in YAML`, 'api.yaml', `${HEAD}paths: {}\nx-deep:\n  ${'- '.repeat(DEEP)}x\n`,
    refused('api.yaml', ':5:1001: nested deeper than 500 levels; not parsed')),
  spec(`${DEEP.toLocaleString('en-US')}-deep nesting in JSON`, 'api.json', `{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{},"x-deep":${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}`,
    refused('api.json', ':1:2570: nested deeper than 500 levels; not parsed')),
  spec('deep nesting made of aliases', 'api.yaml', ALIAS_CHAIN,
    // Line 503 is x-a499, whose *a498 (depth 499) sits two levels down: 501.
    refused('api.yaml', ':503:16: nested deeper than 500 levels once YAML aliases are expanded; not parsed')),
  spec('a second document in the stream', 'api.yaml', `${HEAD}paths: {}\n---\n${HEAD}paths: {}\n`,
    refused('api.yaml', ':4:1: a second YAML document in the stream; an API description is one document')),
  spec('a Python object tag', 'api.yaml', `${HEAD}paths: {}\nx-run: !!python/object/apply:os.system ["cat ../${SECRET_FILE}"]\n`,
    refused('api.yaml', ':4:8: YAML tag "!!python/object/apply:os.system" is not supported (apigov never constructs tagged values; remove the tag)')),
  spec('a local tag', 'api.yaml', `${HEAD}paths: {}\nx-include: !include ../${SECRET_FILE}\n`,
    refused('api.yaml', ':4:12: YAML tag "!include" is not supported (apigov never constructs tagged values; remove the tag)')),
  spec('__proto__ keys', 'api.yaml',
    `${HEAD}__proto__: {polluted: true}\npaths:\n  __proto__: {get: {responses: {'200': {description: ok}}}}\n  /a:\n    __proto__: 1\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  __proto__: {type: string}\n                  constructor: {type: string}\n`,
    { lint: { code: 1, lintFindings: [{ code: 'oas3-schema', path: '__proto__', message: 'Property "__proto__" is not expected to be here.' }, { code: 'oas3-schema', path: 'paths./a.__proto__' }] }, diff: {
      code: 0,
      // `__proto__` under paths is not a path template (no leading /), so only GET /a is an operation.
      diffOutput:
        'API\n  info  api-version-not-bumped  info.version is still 1.0.0 although the description changed  info.version\n\n' +
        'GET /a\n  info  endpoint-added  operation added  paths./a.get\n\n' +
        '0 breaking (error), 0 warning, 2 info changes.\nRecommended release: minor. info.version unchanged (1.0.0), not enough.\n',
    } }),
  spec('an oversize file (APIGOV_MAX_SPEC_BYTES=1000)', 'api.yaml', `${HEAD}paths: {}\nx-padding: "${'x'.repeat(2000)}"\n`,
    refused('api.yaml', ': 2 kB, larger than the limit of 1000 bytes (APIGOV_MAX_SPEC_BYTES raises it)'), { APIGOV_MAX_SPEC_BYTES: '1000' }),
  {
    name: 'a FIFO instead of a file',
    spec: 'api.yaml',
    write: ({ dir }) => {
      mkdirSync(path.join(dir, 'api'), { recursive: true });
      execFileSync('mkfifo', [path.join(dir, 'api/api.yaml')]);
    },
    ...refused('api.yaml', ': not a regular file'),
  },
  unreadableRef('a dangling local $ref', () => '#/components/schemas/Nope', () => "'#/components/schemas/Nope' does not exist", undefined, () => ''),
  unreadableRef('a $ref to a missing file', () => './missing.yaml', ({ dir }) => `cannot read ${dir}/api/missing.yaml: file not found`),
  unreadableRef('a ../ $ref out of the folder', () => `../${SECRET_FILE}`, ({ dir }) => `${dir}/${SECRET_FILE} is outside the spec's folder ${dir}/api; not read`),
  // Spectral's resolver joins an absolute path (and a file: URL) onto the spec's folder, so these look there and find nothing.
  // Diff takes them as written, and refuses them as outside the folder.
  unreadableRef('an absolute $ref', ({ dir }) => `${dir}/${SECRET_FILE}`, ({ dir }) => `cannot read ${dir}/api${dir}/${SECRET_FILE}: file not found`, undefined,
    ({ dir }) => `${dir}/${SECRET_FILE} is outside the spec's folder ${dir}/api; not read`),
  unreadableRef('a file:// $ref', ({ dir }) => `file://${dir}/${SECRET_FILE}`, ({ dir }) => `cannot read ${dir}/api${dir}/${SECRET_FILE}: file not found`, undefined,
    ({ dir }) => `${dir}/${SECRET_FILE} is outside the spec's folder ${dir}/api; not read`),
  unreadableRef('a symlink out of the folder', () => './innocent.yaml', ({ dir }) => `${dir}/api/innocent.yaml is outside the spec's folder ${dir}/api; not read`,
    ({ dir }) => { mkdirSync(path.join(dir, 'api'), { recursive: true }); symlinkSync(path.join(dir, SECRET_FILE), path.join(dir, 'api/innocent.yaml')); }),
  unreadableRef('a $ref to /dev/zero', () => '/dev/zero', ({ dir }) => `cannot read ${dir}/api/dev/zero: file not found`, undefined,
    ({ dir }) => `/dev/zero is outside the spec's folder ${dir}/api; not read`),
  unreadableRef('a symlink to /dev/zero inside the folder', () => './zero.yaml', ({ dir }) => `${dir}/api/zero.yaml is outside the spec's folder ${dir}/api; not read`,
    ({ dir }) => { mkdirSync(path.join(dir, 'api'), { recursive: true }); symlinkSync('/dev/zero', path.join(dir, 'api/zero.yaml')); }),
  unreadableRef('a remote $ref to a loopback listener', ({ listener }) => `${listener}/secret.yaml`, ({ listener }) => `${listener}/secret.yaml: remote references are fetched only with --allow-remote`),
  unreadableRef('a $ref to an alias bomb', () => './bomb.yaml#/x-a', ({ dir }) => `cannot read ${dir}/api/bomb.yaml:10:10: YAML aliases expand to more than 1,000,000 nodes (an alias bomb); not parsed`,
    ({ dir }) => write(dir, 'api/bomb.yaml', LOL_BOMB)),
  unreadableRef('a $ref to a deeply nested file', () => './deep.json', ({ dir }) => `cannot read ${dir}/api/deep.json:1:501: nested deeper than 500 levels; not parsed`,
    ({ dir }) => write(dir, 'api/deep.json', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`)),
  {
    name: 'cyclic $refs across files',
    spec: 'api.yaml',
    write: ({ dir }) => {
      write(dir, 'api/api.yaml', withSchema("{$ref: './a.yaml'}"));
      write(dir, 'api/a.yaml', "type: object\nproperties:\n  b: {$ref: './b.yaml'}\n");
      write(dir, 'api/b.yaml', "type: object\nproperties:\n  a: {$ref: './a.yaml'}\n");
    },
    lint: { code: 0, absentCodes: ['invalid-ref', 'parser'] },
    diff: { code: 0, diffOutput: THINGS_ADDED },
  },
  spec('null where objects belong (Swagger 2.0)', 'api.yaml',
    'swagger: "2.0"\ninfo: {title: Hostile, version: 1.0.0}\npaths:\n  /a:\n    get: null\n    post:\n      parameters: [null]\n      responses: {\'200\': {description: ok}}\nsecurityDefinitions:\n  a: null\n', {
      lint: { code: 1, absentCodes: ['invalid-ref', 'parser'] },
      diff: {
        code: 0,
        diffOutput:
          'API\n  info  api-version-not-bumped  info.version is still 1.0.0 although the description changed  info.version\n\n' +
          'POST /a\n  info  endpoint-added  operation added  paths./a.post\n\n' +
          '0 breaking (error), 0 warning, 2 info changes.\nRecommended release: minor. info.version unchanged (1.0.0), not enough.\n',
      },
    }),
  // Spectral's schema rule throws on a $ref where a type name belongs; the file fails with the rule named, not as an internal error.
  (() => {
    let dir = '';
    return {
      name: 'a $ref where a type name belongs',
      spec: 'api.yaml',
      write: (context: CaseContext) => {
        dir = context.dir;
        write(dir, 'api/api.yaml', `${HEAD}paths: {}\ncomponents:\n  schemas:\n    A:\n      properties:\n        b:\n          type: {$ref: ./other.yaml}\n`);
      },
      lint: { code: 2, stderr: ['apigov: api.yaml: rule oas3-schema failed at the document root: Cannot resolve external references'] } as Expectation,
      get diff(): Expectation {
        return { code: 2, stderr: [`apigov: revision: api.yaml: $ref "./other.yaml" at components.schemas.A.properties.b.type cannot be resolved: cannot read ${dir}/api/other.yaml: file not found`] };
      },
    };
  })(),
  spec('a ReDoS pattern with a matching-length example', 'api.yaml', withSchema(`{type: string, pattern: '^(a+)+$', example: '${'a'.repeat(31)}!'}`),
    { lint: { code: 1, lintFindings: [{ code: 'oas3-valid-schema-example', path: 'paths./things.get.responses.200.content.application/json.schema.example', message: '"example" property must match pattern "^(a+)+$"' }] }, diff: { code: 0, diffOutput: THINGS_ADDED } }),
];
