import { RulesetError } from '../errors.js';

// Remote rulesets are not fetched: a ruleset is code, and only local files and installed
// packages are trusted (docs/decisions.md).
export const refuseFetch = async (url: string): Promise<never> => {
  throw new RulesetError(`${url}: remote rulesets are not loaded; download it and pass the file`);
};
