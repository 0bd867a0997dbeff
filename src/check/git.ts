import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../errors.js';

export class GitFailure extends Error {}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').split('\n')[0]!.replace(/^fatal: /, '');
    throw new GitFailure(stderr || (error as Error).message);
  }
}

/** The top folder of the repository around `cwd`. */
export function repositoryRoot(cwd: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new UsageError('apigov check compares with a git base, but the working directory is not inside a git repository');
  }
}

/** The commit a ref names, or undefined when it names none. */
export function commitOf(ref: string, cwd: string): string | undefined {
  try {
    return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** origin/HEAD's branch when the clone knows it (origin/main), else main, else master. */
export function defaultBranch(cwd: string): string | undefined {
  try {
    const symbolic = git(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], cwd).trim();
    if (symbolic) return symbolic.replace(/^refs\/remotes\//, '');
  } catch {
    // no origin/HEAD: fall back to the usual names
  }
  return ['main', 'master'].find((name) => commitOf(name, cwd) !== undefined);
}

export function mergeBase(a: string, b: string, cwd: string): string | undefined {
  try {
    return git(['merge-base', a, b], cwd).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A file's text at a commit, or undefined when the file did not exist there. */
export function fileAtCommit(commit: string, file: string, root: string): string | undefined {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (relative.startsWith('../')) return undefined;
  try {
    git(['cat-file', '-e', `${commit}:${relative}`], root);
  } catch {
    return undefined;
  }
  return git(['show', `${commit}:${relative}`], root);
}
