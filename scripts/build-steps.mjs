// Build steps after tsc, each preparing once what every run would otherwise redo:
// - the house ruleset files parsed (src/lint/house-precompiled.ts);
// - the draft-04 meta-schema check compiled by ajv's standalone mode (src/lint/examples/meta-valid.ts).
import { writePrecompiledHouse } from '../dist/lint/house-precompiled.js';
import { writeShallowMetaValidator } from '../dist/lint/examples/meta-valid.js';

writePrecompiledHouse();
writeShallowMetaValidator();
