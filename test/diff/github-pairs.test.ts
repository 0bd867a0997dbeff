import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../helpers/diff.js';
import { ensureOctokit, fetchOrSkip } from '../helpers/real-data.js';

// Real version pairs of GitHub's descriptions (npm @octokit/openapi, fetched on demand). The
// expected changes were verified by hand against the two JSON files (bench/README.md).
const fetched = fetchOrSkip(() => ({ v22: ensureOctokit('22.0.0'), v23: ensureOctokit('23.0.2') }));

describe('real GitHub version pairs', () => {
  if (fetched.skipReason) {
    it.skip(fetched.skipReason, () => {});
    return;
  }
  const { v22, v23 } = fetched.value!;

  it('GHES 3.18 → 3.19: two breaking changes, both the same real narrowing', async () => {
    const changes = await diffFiles(path.join(v23, 'ghes-3.18.json'), path.join(v23, 'ghes-3.19.json'));
    const breaking = changes.filter((c) => c.level === 'error').map((c) => `${c.id} ${c.operation}`);
    expect(breaking.sort()).toEqual([
      'request-property-became-not-nullable PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}',
      'request-property-became-not-nullable PATCH /orgs/{org}/code-security/configurations/{configuration_id}',
    ]);
    const warnings = changes.filter((c) => c.level === 'warn').map((c) => `${c.id} ${c.path}`);
    expect(warnings).toContain('request-property-max-items-set paths./orgs/{org}/code-security/configurations/detach.delete.requestBody.content.application/json.schema/selected_repository_ids');
  }, 120_000);

  it('api.github.com 22.0.0 → 23.0.2: removed paths, a new nullable, a newly required property', async () => {
    const changes = await diffFiles(path.join(v22, 'api.github.com.json'), path.join(v23, 'api.github.com.json'));
    const keys = new Set(changes.filter((c) => c.level === 'error').map((c) => `${c.id} ${c.operation} ${c.path.split('.schema')[1] ?? ''}`));
    expect(keys).toContain('api-path-removed-without-deprecation DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number} ');
    expect(keys).toContain('response-property-became-nullable GET /notifications /items/repository/license/url');
    expect(keys).toContain('request-property-became-required DELETE /orgs/{org}/code-security/configurations/detach /selected_repository_ids');
  }, 120_000);
});
