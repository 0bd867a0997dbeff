/** An http(s) URL, as apigov tells a URL argument, ruleset reference or $ref target from a path. */
export const isHttpUrl = (text: string): boolean => /^https?:\/\//i.test(text);
