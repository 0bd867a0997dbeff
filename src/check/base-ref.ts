import { UsageError } from '../errors.js';
import { commitOf, defaultBranch, mergeBase } from './git.js';

export interface BaseRef {
  /** What the report calls it: the --base argument, or `merge-base(HEAD, main)`. */
  label: string;
  commit: string;
}

/**
 * The commit `check` compares with: --base when given; else the merge base of HEAD with the
 * default branch (origin/HEAD's target, else main, else master), which is what a pull request
 * is reviewed against even when the default branch has moved on since the branch was cut.
 */
export function resolveBase(flag: string | undefined, cwd: string): BaseRef {
  if (flag !== undefined) {
    const commit = commitOf(flag, cwd);
    if (!commit) throw new UsageError(`--base: "${flag}" is not a commit, branch or tag in this repository`);
    return { label: flag, commit };
  }
  const branch = defaultBranch(cwd);
  if (!branch) throw new UsageError('cannot tell the default branch (no origin/HEAD, main or master); pass --base <git-ref>');
  if (!commitOf('HEAD', cwd)) throw new UsageError('the repository has no commits yet; commit first or pass --base <git-ref>');
  const commit = mergeBase('HEAD', branch, cwd);
  if (!commit) throw new UsageError(`HEAD and ${branch} have no common ancestor; pass --base <git-ref>`);
  return { label: `merge-base(HEAD, ${branch})`, commit };
}
