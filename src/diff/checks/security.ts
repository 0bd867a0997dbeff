import type { OperationCheck } from '../context.js';
import type { SecurityRequirement } from '../model.js';
import { idTable } from './define.js';

/** A requirement as a set of scheme names; the empty requirement `{}` means "no auth needed". */
const schemesOf = (requirement: SecurityRequirement) => Object.keys(requirement).sort().join(' + ') || '(none)';

function byScheme(requirements: SecurityRequirement[] | undefined): Map<string, SecurityRequirement> {
  return new Map((requirements ?? []).map((r) => [schemesOf(r), r]));
}

const isPublic = (requirements: SecurityRequirement[] | undefined) => !requirements || requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0);

/**
 * Security requirements in force per operation (its own or the root's), judged as what a client
 * must present. oasdiff reports these as information; apigov raises the ones that lock callers
 * out: a public operation now requiring auth, an accepted scheme withdrawn, a scope added.
 */
export const security: OperationCheck = {
  name: 'security',
  ids: idTable(['api-security-added', 'api-security-scope-removed'], {
    // Our own: an operation anyone could call now needs credentials.
    'apigov-operation-became-secured': ['error', 'request'],
    // oasdiff: INFO. A client authenticating with the withdrawn scheme is locked out.
    'api-security-removed': ['warn', 'request'],
    // oasdiff: INFO. Tokens issued without the new scope are now refused.
    'api-security-scope-added': ['error', 'request'],
  }),
  compare(base, revision, { emit }) {
    const where = { operation: revision.label, path: revision.path };
    if (isPublic(base.security) && !isPublic(revision.security)) {
      emit('apigov-operation-became-secured', where, `now requires ${revision.security!.map(schemesOf).join(' or ')}`);
      return;
    }
    if (isPublic(base.security) || isPublic(revision.security)) return;
    const before = byScheme(base.security);
    const after = byScheme(revision.security);
    for (const [name, requirement] of before) {
      const next = after.get(name);
      if (!next) {
        emit('api-security-removed', where, `security requirement ${name} removed`, name, undefined);
        continue;
      }
      for (const [scheme, scopes] of Object.entries(next)) {
        const had = new Set(requirement[scheme] ?? []);
        for (const scope of scopes ?? []) if (!had.has(scope)) emit('api-security-scope-added', where, `scope ${scope} of ${scheme} now required`, undefined, scope);
        const has = new Set(scopes ?? []);
        for (const scope of had) if (!has.has(scope)) emit('api-security-scope-removed', where, `scope ${scope} of ${scheme} no longer required`, scope, undefined);
      }
    }
    for (const name of after.keys()) if (!before.has(name)) emit('api-security-added', where, `security requirement ${name} added as an alternative`, undefined, name);
  },
};
