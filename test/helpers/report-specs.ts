/**
 * A name a spec author controls, carrying every character some report format must escape:
 * markup (<script>, &, quotes), a control character, Markdown's | and `, and GitHub
 * workflow-command separators (%, ',', ':', CR, LF).
 */
export const EVIL = 'q<script>window.pwned=1</script>&"\'\u0007|`%,:\r\nx';

/** EVIL as a YAML double-quoted scalar. */
const EVIL_YAML = `"${EVIL.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\u0007/g, '\\x07').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;

/**
 * apigov:recommended reports EVIL in messages (a query parameter of that name is not camelCase,
 * and unbounded) and in paths (a body property of that name), on GET and POST /pets.
 */
export const EVIL_SPEC = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      parameters:
        - { name: ${EVIL_YAML}, in: query, schema: { type: string } }
      responses:
        '200': { description: ok }
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                ${EVIL_YAML}: { type: string }
      responses:
        '201': { description: created }
`;

/** `count` operations that are all unsecured (an error each) and undocumented (warnings, infos). */
export function manyOperationsSpec(count: number): string {
  const paths = Array.from({ length: count }, (_, i) => `  /items${i}:\n    get:\n      responses:\n        '200': { description: ok }\n`);
  return `openapi: 3.0.3\ninfo: { title: Items, version: 1.0.0 }\npaths:\n${paths.join('')}`;
}

/**
 * Two operations with findings of every severity apigov:recommended reports: the http server URL
 * is on line 6, `paths` starts on line 9.
 */
export const TWO_OPERATIONS_SPEC = `openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
servers:
  - url: http://api.example.com
security: []
# the paths
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
  /pets/{petId}:
    delete:
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '204':
          description: gone
`;
