import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * dist/ at the package root, where `npm run build` writes tsc's output and what
 * scripts/build-steps.mjs prepares ahead of every run. The same folder from src/ (tests) and dist/.
 */
export const BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
