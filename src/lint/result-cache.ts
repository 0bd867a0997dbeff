import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Ruleset } from '@stoplight/spectral-core';
import type { Finding } from '../report/finding.js';
import { currentRunContext } from '../runtime/run-context.js';
import { VERSION } from '../version.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Entry {
  /** Every file the spec's $refs read, with the hash of the content it had. */
  references: Record<string, string>;
  findings: Finding[];
}

/**
 * What a ruleset does, as text: its rules (given, then, options, severities) and the source of
 * every function they call, so editing a custom function or an option invalidates the cache.
 */
export function rulesetFingerprint(ruleset: Ruleset): string {
  const functions = Object.values(ruleset.rules)
    .flatMap((rule) => rule.then.map((then) => String(then.function)))
    .sort();
  // Spectral numbers ruleset instances (`id`, a rule's `owner`), which says nothing about what the rules do.
  const withoutInstanceIds = (key: string, value: unknown) => ((key === 'id' || key === 'owner') && typeof value === 'number' ? undefined : value);
  return sha256(JSON.stringify(ruleset.toJSON(), withoutInstanceIds) + functions.join('\n'));
}

/**
 * What the result cache keys a file on besides its text: its path, and the ref policy when it is
 * not the default — the same spec's refs resolve differently under --ref-root or --allow-remote.
 */
export function cacheIdentity(file: string): string {
  const { refRoot, allowRemote } = currentRunContext();
  if (refRoot === undefined && !allowRemote) return file;
  return `${file}\n--ref-root ${refRoot ?? ''}\n--allow-remote ${allowRemote}`;
}

/**
 * Lint results keyed by apigov's version, the ruleset, the spec's path and content; an entry
 * also checks the files the spec referenced. Entries are written to a temporary file and
 * renamed into place, so concurrent runs sharing the folder never see half an entry.
 */
export class ResultCache {
  constructor(
    private readonly dir: string,
    private readonly rulesetKey: string,
  ) {}

  private entryFile(file: string, text: string): string {
    return path.join(this.dir, `${sha256(`${VERSION}\n${this.rulesetKey}\n${file}\n${text}`)}.json`);
  }

  async lookup(file: string, text: string): Promise<Finding[] | undefined> {
    let entry: Entry;
    try {
      entry = JSON.parse(await fs.readFile(this.entryFile(file, text), 'utf8'));
    } catch {
      return undefined; // absent, or unreadable: lint again
    }
    for (const [reference, hash] of Object.entries(entry.references)) {
      const content = await fs.readFile(reference, 'utf8').catch(() => undefined);
      if (content === undefined || sha256(content) !== hash) return undefined;
    }
    return entry.findings;
  }

  async store(file: string, text: string, findings: Finding[], referenced: Iterable<string>): Promise<void> {
    const references: Record<string, string> = {};
    for (const reference of referenced) references[reference] = sha256(await fs.readFile(reference, 'utf8'));
    await writeCacheFile(this.entryFile(file, text), JSON.stringify({ references, findings } satisfies Entry));
  }
}

/**
 * Writes a cache file through a temporary file of this process and a rename, so runs sharing the
 * folder never read half of one. Best effort: a cache that cannot be written only costs speed.
 */
export async function writeCacheFile(target: string, text: string): Promise<void> {
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, target);
  } catch {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
  }
}
