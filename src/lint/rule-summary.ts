import type { Ruleset } from '@stoplight/spectral-core';

type Then = Ruleset['rules'][string]['then'][number];

/** The rule's `given` as written (aliases such as #OperationObject left as the author named them). */
export function givenOf(definition: Record<string, unknown>): string[] {
  const given = definition.given;
  return (Array.isArray(given) ? given : [given]).filter((entry): entry is string => typeof entry === 'string');
}

/**
 * One `then` in a line a reader can follow: `x-owner: truthy`, `pattern {"notMatch":"\\.$"}`.
 * Custom functions show the name the ruleset bundler gave them (has-owner → hasowner).
 */
export function describeThen(then: Then): string {
  const name = typeof then.function === 'function' && then.function.name !== '' ? then.function.name : 'custom function';
  const options = then.functionOptions && Object.keys(then.functionOptions).length > 0 ? ` ${JSON.stringify(then.functionOptions)}` : '';
  return `${then.field ? `${then.field}: ` : ''}${name}${options}`;
}
