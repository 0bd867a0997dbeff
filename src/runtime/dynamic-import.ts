/**
 * `import()` of a file or package only known at run time (a house ruleset's function files).
 * Code compiled into the start-up snapshot cannot call `import()` itself (V8 keeps no module
 * loader for it), so a run started from the snapshot hands in one made by a file Node loaded at
 * run time (bin/snapshot-run.cjs); everywhere else this module's own `import()` does it.
 */
type Importer = (specifier: string) => Promise<Record<string, unknown>>;

let importer: Importer = (specifier) => import(specifier);

export function setModuleImporter(replacement: Importer): void {
  importer = replacement;
}

export function importModule(specifier: string): Promise<Record<string, unknown>> {
  return importer(specifier);
}
