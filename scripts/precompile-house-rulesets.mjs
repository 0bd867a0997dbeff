// Build step after tsc: parses the house ruleset YAML files once into dist/house-rulesets.json
// (src/lint/house-precompiled.ts says why and how the table is used).
import { writePrecompiledHouse } from '../dist/lint/house-precompiled.js';

writePrecompiledHouse();
