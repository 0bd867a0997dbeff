import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ApigovConfig } from '../config/types.js';
import { ConfigError, UsageError, where } from '../errors.js';
import { currentRunContext, type RunContext } from '../runtime/run-context.js';
import { isHttpUrl } from '../load/http-url.js';

/** --ref-root for lint, diff and check; --allow-remote for lint and check (diff declares its own). */
export function addRefOptions(command: Command): void {
  command.option('--ref-root <dir>', "folder $ref'd files may come from (default: each spec's own folder); every spec must be under it");
  const urls = command.name() === 'lint' ? ', and lint http(s) URLs' : '';
  if (command.name() !== 'diff') command.option('--allow-remote', `fetch http(s) $refs${urls} (never from or redirected to private, loopback or link-local addresses)`, false);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Sets the run's ref policy from the command's flags: the remote switch, --ref-root (checked to be
 * a folder), and the origins of the URLs on the command line — the only hosts fetched wherever
 * they resolve (docs/decisions.md, "Remote refs").
 */
export function applyRefOptions(context: RunContext, command: Command, cwd: string): void {
  const options = command.opts() as { allowRemote?: boolean; refRoot?: string };
  context.allowRemote = options.allowRemote === true;
  context.trustedOrigins = context.allowRemote ? [...new Set(command.args.filter(isHttpUrl).map((url) => new URL(url).origin))] : [];
  if (options.refRoot === undefined) return;
  const refRoot = path.resolve(cwd, options.refRoot);
  if (!isDirectory(refRoot)) throw new UsageError(`--ref-root: ${options.refRoot} is not a folder`);
  context.refRoot = refRoot;
}

/** `ref-root:` of apigov.yaml, when the command line did not give --ref-root. */
export function useConfigRefRoot(config: ApigovConfig | undefined): void {
  const context = currentRunContext();
  if (context.refRoot !== undefined || config?.refRoot === undefined) return;
  if (!isDirectory(config.refRoot)) {
    const position = config.locate(['ref-root']);
    throw new ConfigError(`${where(config.file, position?.line, position?.column)}: ref-root: ${config.refRoot} is not a folder`);
  }
  context.refRoot = config.refRoot;
}
