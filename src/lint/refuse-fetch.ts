import { RulesetError } from '../errors.js';

// Remote rulesets are not fetched unless the user says so: a ruleset can be code (JS functions),
// and only local files and installed packages are trusted (docs/security.md).
export const refuseFetch = async (url: string): Promise<never> => {
  throw new RulesetError(`${url}: remote rulesets are loaded only with --allow-remote-ruleset, and then only YAML/JSON without custom functions; or download it and pass the file`);
};

// What the bundler would fetch is code (an `import` of a URL in a JS ruleset): never.
export const refuseCodeFetch = async (url: string): Promise<never> => {
  throw new RulesetError(`${url}: code is never loaded from a URL; install it as a package or download the file`);
};
