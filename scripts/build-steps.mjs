// Build steps after tsc, each preparing once what every run would otherwise redo:
// - the house ruleset files parsed (src/lint/house-precompiled.ts);
// - the draft-04 and draft 2020-12 meta-schema checks compiled by ajv's standalone mode
//   (src/lint/examples/meta-valid.ts, draft2020.ts).
import { writeMeta2020Validator } from '../dist/lint/examples/draft2020.js';
import { writeShallowMetaValidator } from '../dist/lint/examples/meta-valid.js';
import { writePrecompiledHouse } from '../dist/lint/house-precompiled.js';

writePrecompiledHouse();
writeShallowMetaValidator();
writeMeta2020Validator();
