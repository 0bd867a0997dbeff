// The Spectral packages are CommonJS; these re-exports give the rest of the code one
// typed import site, so the interop shape is handled once.
import ParsersModule from '@stoplight/spectral-parsers';

export const Parsers = ParsersModule;
