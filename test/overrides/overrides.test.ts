import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/memory-io.js';

/** Under spectral:oas: operation-operationId and operation-tags on three operations, info-contact at /info. */
const SPEC = `openapi: 3.0.3
info: {title: Shop, version: 1.0.0, description: Shop.}
servers: [{url: 'https://api.example.com'}]
paths:
  /orders:
    get:
      description: List.
      responses: {'200': {description: ok}}
  /admin/users:
    get:
      description: Users.
      responses: {'200': {description: ok}}
    delete:
      description: Purge.
      responses: {'204': {description: gone}}
`;

/** Lints the files (under specs/) with the config's overrides; rows are `file rule path severity`. */
async function lint(config: string, files: Record<string, string> = { 'api.yaml': SPEC }) {
  const specs = Object.fromEntries(Object.entries(files).map(([name, text]) => [`specs/${name}`, text]));
  const dir = tempDir({ ...specs, 'apigov.yaml': `ruleset: spectral:oas\nspecs: ["specs/**/*.yaml"]\n${config}` });
  const result = await runCli(['lint', '-f', 'json'], dir);
  expect(result.stderr).toBe('');
  const rows = JSON.parse(result.stdout) as Array<{ code: string; path: string[]; severity: number; source: string }>;
  return rows.map((r) => `${r.source.slice(dir.length + '/specs/'.length)} ${r.code} ${r.path.join('.')} ${r.severity}`).sort();
}

describe('apigov.yaml overrides', () => {
  it('by file glob: only the matching files get the severity', async () => {
    const rows = await lint('overrides:\n  - files: ["specs/legacy/**"]\n    rules: {operation-operationId: off, operation-tags: error}\n', { 'api.yaml': SPEC, 'legacy/old.yaml': SPEC });
    expect(rows.filter((r) => r.startsWith('legacy/') && r.includes('operation-operationId'))).toEqual([]);
    expect(rows.filter((r) => r.startsWith('legacy/') && r.includes('operation-tags')).map((r) => r.split(' ').pop())).toEqual(['0', '0', '0']);
    expect(rows.filter((r) => r.startsWith('api.yaml') && r.includes('operation-operationId'))).toHaveLength(3);
    expect(rows.filter((r) => r.startsWith('api.yaml') && r.includes('operation-tags')).map((r) => r.split(' ').pop())).toEqual(['1', '1', '1']);
  });

  it('by JSON pointer: findings at or under it', async () => {
    const rows = await lint('overrides:\n  - pointers: [/paths/~1admin~1users]\n    rules: {operation-operationId: off}\n');
    expect(rows.filter((r) => r.includes('operation-operationId'))).toEqual(['api.yaml operation-operationId paths./orders.get 1']);
  });

  it('by operation pattern: a method or *, * for one path segment, ** for any', async () => {
    const byMethod = await lint('overrides:\n  - operations: ["DELETE /admin/*"]\n    rules: {operation-operationId: error}\n');
    expect(byMethod.filter((r) => r.includes('operation-operationId'))).toEqual([
      'api.yaml operation-operationId paths./admin/users.delete 0',
      'api.yaml operation-operationId paths./admin/users.get 1',
      'api.yaml operation-operationId paths./orders.get 1',
    ]);
    const anyDepth = await lint('overrides:\n  - operations: ["* /admin/**"]\n    rules: {operation-operationId: off}\n');
    expect(anyDepth.filter((r) => r.includes('operation-operationId'))).toEqual(['api.yaml operation-operationId paths./orders.get 1']);
  });

  it('later overrides win where they overlap', async () => {
    const rows = await lint('overrides:\n  - operations: ["* /**"]\n    rules: {operation-tags: off}\n  - operations: ["GET /orders"]\n    rules: {operation-tags: error}\n');
    expect(rows.filter((r) => r.includes('operation-tags'))).toEqual(['api.yaml operation-tags paths./orders.get 0']);
  });

  it('can switch on, in some places, a rule the config switches off everywhere else', async () => {
    const rows = await lint('rules: {info-contact: off}\noverrides:\n  - files: [specs/public.yaml]\n    rules: {info-contact: error}\n', { 'api.yaml': SPEC, 'public.yaml': SPEC });
    expect(rows.filter((r) => r.includes('info-contact'))).toEqual(['public.yaml info-contact info 0']);
  });
});
