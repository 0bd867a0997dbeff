import { CODE_CACHE_DIR, installCodeCache } from './code-cache.js';
import { provideNativeAggregateError } from './native-aggregate-error.cjs';

// Imported first by every entry point (the CLI, its worker threads), before any CommonJS
// dependency loads. APIGOV_NO_CODE_CACHE=1 compiles everything as Node would (to compare).
if (process.env.APIGOV_NO_CODE_CACHE !== '1') installCodeCache(CODE_CACHE_DIR);
provideNativeAggregateError();
