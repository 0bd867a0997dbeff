import type { DiffContext, OperationCheck, Where } from '../context.js';
import type { SecurityRequirement } from '../model.js';
import { idTable } from './define.js';

/** A requirement named by its schemes; the empty requirement `{}` means "no auth needed". */
const schemesOf = (requirement: SecurityRequirement) => Object.keys(requirement).sort().join(' + ') || '(none)';

// Scopes are names; anything else in the list (a spec error lint reports) compares by identity and would show as changed in diff(x, x).
const scopesOf = (requirement: SecurityRequirement, scheme: string) =>
  new Set((Array.isArray(requirement[scheme]) ? requirement[scheme] : []).filter((scope): scope is string => typeof scope === 'string'));

const isPublic = (requirements: SecurityRequirement[] | undefined) => !requirements || requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0);

/** Credentials that satisfy `held` also satisfy `needed` when it asks for no scheme or scope more. */
function satisfies(held: SecurityRequirement, needed: SecurityRequirement): boolean {
  return Object.keys(needed).every((scheme) => scheme in held && [...scopesOf(needed, scheme)].every((scope) => scopesOf(held, scheme).has(scope)));
}

/** Scopes added to and dropped from a requirement whose schemes stayed the same. */
function compareScopes(before: SecurityRequirement, after: SecurityRequirement, where: Where, { emit }: DiffContext): void {
  for (const scheme of Object.keys(after)) {
    const had = scopesOf(before, scheme);
    const has = scopesOf(after, scheme);
    for (const scope of has) if (!had.has(scope)) emit('api-security-scope-added', where, `scope ${scope} of ${scheme} now required`, undefined, scope);
    for (const scope of had) if (!has.has(scope)) emit('api-security-scope-removed', where, `scope ${scope} of ${scheme} no longer required`, scope, undefined);
  }
}

/**
 * A base requirement is one way a client may authenticate. It still works when some revision
 * requirement asks for no scheme or scope more; else the same schemes with more scopes lock its
 * tokens out (scope added), and otherwise that way in is gone (requirement removed).
 */
function compareRequirement(before: SecurityRequirement, after: Map<string, SecurityRequirement>, where: Where, context: DiffContext): void {
  const name = schemesOf(before);
  const same = after.get(name);
  if (same) compareScopes(before, same, where, context);
  else if (![...after.values()].some((next) => satisfies(before, next))) context.emit('api-security-removed', where, `security requirement ${name} removed`, name, undefined);
}

/**
 * Security requirements in force per operation (its own, else the root's: moving them between
 * the two is no change), judged as what a client must present. oasdiff reports these as
 * information; apigov raises the ones that lock callers out: a public operation now requiring
 * auth, an accepted way in withdrawn, a scope added.
 */
export const security: OperationCheck = {
  name: 'security',
  description: 'Security requirements in force: a public operation now secured, an accepted scheme withdrawn, a scope added.',
  ids: idTable(['api-security-added', 'api-security-scope-removed'], {
    // Our own: an operation anyone could call now needs credentials.
    'apigov-operation-became-secured': ['error', 'request'],
    // Our own: credentials are no longer needed (clients still sending them are unaffected).
    'apigov-operation-became-public': ['info', 'request'],
    // oasdiff: INFO. A client authenticating only that way is locked out; others are not, hence warn.
    'api-security-removed': ['warn', 'request'],
    // oasdiff: INFO. Tokens issued without the new scope are now refused.
    'api-security-scope-added': ['error', 'request'],
  }),
  compare(base, revision, context) {
    const where = { operation: revision.label, path: revision.path };
    const [wasPublic, isNowPublic] = [isPublic(base.security), isPublic(revision.security)];
    if (wasPublic !== isNowPublic) {
      if (isNowPublic) context.emit('apigov-operation-became-public', where, 'no longer requires authentication');
      else context.emit('apigov-operation-became-secured', where, `now requires ${revision.security!.map(schemesOf).join(' or ')}`);
      return;
    }
    if (wasPublic) return;
    const before = new Map(base.security!.map((r) => [schemesOf(r), r]));
    const after = new Map(revision.security!.map((r) => [schemesOf(r), r]));
    for (const requirement of before.values()) compareRequirement(requirement, after, where, context);
    for (const [name] of after) if (!before.has(name)) context.emit('api-security-added', where, `security requirement ${name} added as an alternative`, undefined, name);
  },
};
