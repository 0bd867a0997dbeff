/**
 * Stack for the threads that lint. Rules walk the document with `$ref`s resolved, where every
 * target is inlined where it is used, so a chain of refs nests far deeper than the file does;
 * the 4 MB default of a worker thread runs out on Microsoft Graph's description. Thread stacks
 * are reserved, not committed: a large one costs address space, not memory.
 */
export const LINT_THREAD_STACK_MB = 256;
