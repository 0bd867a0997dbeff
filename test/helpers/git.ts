import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './memory-io.js';

/** Runs git in a repository with a fixed identity, so commits work on any machine. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=apigov test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Writes files (relative path → content; null deletes) into a directory. */
export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (content === null) rmSync(file, { force: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
}

/** Writes the files and commits everything. */
export function commit(dir: string, message: string, files: Record<string, string | null> = {}): void {
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

/** A fresh repository on `branch` with one commit of the given files. */
export function gitRepo(files: Record<string, string>, branch = 'main'): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', branch);
  commit(dir, 'initial', files);
  return dir;
}
