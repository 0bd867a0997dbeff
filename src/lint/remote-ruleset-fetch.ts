import { isApigovError, RulesetError } from '../errors.js';
import { decodeSpecBytes } from '../load/decode-spec.js';
import { fetchCapped } from '../load/fetch-capped.js';
import { guardSpecText } from '../load/guard-spec-text.js';
import { yaml } from '../load/yaml-module.js';
import { describeYamlError } from '../yaml-error.js';
import { houseRulesetFile } from './builtin-rulesets.js';
import { rewriteHouseExtends } from './house-extends.js';
import { isHttpUrl } from '../load/http-url.js';

const SPECTRAL_BUILT_INS = new Set(['spectral:oas', 'spectral:asyncapi', 'spectral:arazzo']);
const CODE_EXTENSION = /\.(m?js|cjs|ts)$/i;
/** A remote ruleset and everything it extends, at most; more is a fetch storm, not a ruleset. */
const MAX_DOCUMENTS = 20;

function extendsEntries(value: unknown): unknown[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => (Array.isArray(entry) ? entry[0] : entry));
}

/**
 * What a remote ruleset may extend: built-in rulesets, and YAML/JSON rulesets on its own origin
 * (relative paths resolve against its URL). Never local files, packages or JS: those would let
 * a URL choose code to run.
 */
function checkExtends(url: URL, entry: unknown): void {
  if (typeof entry === 'string' && (SPECTRAL_BUILT_INS.has(entry) || houseRulesetFile(entry))) return;
  const refuse = (why: string) => {
    throw new RulesetError(`${url.href}: extends ${JSON.stringify(entry)}: ${why}`);
  };
  if (typeof entry !== 'string') return refuse('not a ruleset name or URL');
  const isRelative = entry.startsWith('./') || entry.startsWith('../');
  if (!isRelative && !isHttpUrl(entry)) return refuse('a remote ruleset may extend only built-in rulesets and YAML/JSON rulesets on its own origin');
  const target = new URL(entry, url);
  if (target.origin !== url.origin) return refuse(`a remote ruleset may extend only rulesets on its own origin (${url.origin})`);
  if (CODE_EXTENSION.test(target.pathname)) return refuse('JS rulesets are not loaded from URLs');
}

/** Refuses anything in a remote ruleset that would run code apigov does not ship. */
function checkDeclarative(url: URL, data: unknown): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new RulesetError(`${url.href}: not a ruleset (the document is not a mapping)`);
  const ruleset = data as Record<string, unknown>;
  for (const key of ['functions', 'functionsDir']) {
    if (key in ruleset) throw new RulesetError(`${url.href}: ${key}: a remote ruleset may not load custom functions; only Spectral's built-in functions run`);
  }
  for (const entry of extendsEntries(ruleset.extends)) checkExtends(url, entry);
  const overrides = Array.isArray(ruleset.overrides) ? ruleset.overrides : [];
  for (const override of overrides) {
    if (override && typeof override === 'object') for (const entry of extendsEntries((override as Record<string, unknown>).extends)) checkExtends(url, entry);
  }
}

async function fetchDeclarative(href: string): Promise<string> {
  const url = new URL(href);
  if (CODE_EXTENSION.test(url.pathname)) throw new RulesetError(`${href}: JS rulesets are not loaded from URLs; only YAML/JSON ones (no custom functions)`);
  let text: string;
  try {
    text = decodeSpecBytes((await fetchCapped(href, href)).bytes, href).replace(/^\uFEFF/, '');
  } catch (error) {
    if (isApigovError(error)) throw new RulesetError(error.message);
    throw new RulesetError(`${href}: cannot fetch (${(error as Error).message})`);
  }
  try {
    guardSpecText(text, href);
  } catch (error) {
    throw new RulesetError((error as Error).message);
  }
  const document = yaml().parseDocument(text, { prettyErrors: true });
  if (document.errors[0]) throw new RulesetError(describeYamlError(href, document.errors[0], 'not valid YAML or JSON'));
  checkDeclarative(url, document.toJS());
  // `apigov:<name>` in extends points at the shipped files, as for local rulesets.
  return rewriteHouseExtends(text, href);
}

/**
 * The `fetch` Spectral's ruleset migrator reads remote rulesets through, with
 * --allow-remote-ruleset: each document is fetched once (size cap, time limit, no redirects),
 * must be YAML/JSON within the spec limits, and is checked to be declarative before the
 * migrator sees it. Anything else is a RulesetError naming the URL.
 */
export function declarativeRulesetFetch(): (url: string) => Promise<Response> {
  const fetched = new Map<string, Promise<string>>();
  return async (url: string) => {
    if (!fetched.has(url)) {
      if (fetched.size >= MAX_DOCUMENTS) throw new RulesetError(`${url}: a remote ruleset may pull in at most ${MAX_DOCUMENTS} documents`);
      fetched.set(url, fetchDeclarative(url));
    }
    const text = await fetched.get(url)!;
    return new Response(text, { headers: { 'content-type': 'application/yaml' } });
  };
}
