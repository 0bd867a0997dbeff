import { Parsers } from './spectral-modules.js';

type YamlParser = typeof Parsers.Yaml;
type ParseResult = ReturnType<YamlParser['parse']> & { metadata?: { mergeKeys?: boolean } };

/**
 * Spectral's YAML parser (which reads JSON too, as Spectral CLI does), with one difference in
 * how findings are located: with merge keys on, every lookup copies each mapping it passes
 * through — on a 20 MB spec with thousands of findings, half a minute. A document without a
 * `<<` anywhere has no merge keys, so locating without them finds the very same nodes.
 */
export const SpecParser: YamlParser = {
  ...Parsers.Yaml,
  parse(input: string) {
    const result = Parsers.Yaml.parse(input) as ParseResult;
    if (!input.includes('<<') && result.metadata) result.metadata = { ...result.metadata, mergeKeys: false };
    return result;
  },
};
