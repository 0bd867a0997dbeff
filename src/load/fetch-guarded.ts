import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isApigovError } from '../errors.js';
import { assertSize } from './guard-spec-text.js';
import { nonPublicKind } from './public-address.js';

export interface GuardedFetch {
  /** Origins the user named on the command line: reached wherever they resolve (docs/decisions.md). */
  trustedOrigins: readonly string[];
  maxBytes: number;
  /** For the whole fetch, redirects included. */
  timeoutMs: number;
  /** Names the document in a size refusal. */
  displayName: string;
}

const MAX_REDIRECTS = 5;

class Refused extends Error {}

/** "a loopback address", "an unspecified address". */
const describeKind = (kind: string) => `${/^[aeiouIU]/.test(kind) ? 'an' : 'a'} ${kind} address`;

/**
 * A `lookup` for http.request that resolves every address of the host and refuses the connection
 * unless all of them are public. The socket then connects to exactly the addresses checked here,
 * so a name that resolves differently a moment later (DNS rebinding) cannot slip through.
 */
function publicOnlyLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const bad = addresses.find((entry) => nonPublicKind(entry.address) !== undefined);
      if (bad) return callback(new Refused(`${host} resolves to ${bad.address}, ${describeKind(nonPublicKind(bad.address)!)}; not fetched`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Checks a URL before any connection: http(s) only, and a literal IP (which skips `lookup`) must be public. */
function assertReachable(url: URL, trusted: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused(`only http and https are fetched (not ${url.protocol})`);
  if (trusted) return;
  const kind = nonPublicKind(url.hostname);
  if (kind !== undefined && kind !== 'not an IP address') throw new Refused(`${url.hostname} is ${describeKind(kind)}; not fetched`);
}

interface Hop {
  status: number;
  location?: string;
  body?: Buffer;
}

function requestOnce(url: URL, trusted: boolean, options: GuardedFetch, signal: AbortSignal): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const request = client.get(url, { signal, lookup: trusted ? undefined : publicOnlyLookup(url.hostname), headers: { accept: 'application/json, application/yaml, text/yaml, */*' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.resume();
        return resolve({ status, location: response.headers.location });
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return resolve({ status });
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      const chunks: Buffer[] = [];
      let total = 0;
      try {
        if (Number.isFinite(declared)) assertSize(declared, options.displayName);
      } catch (error) {
        response.destroy();
        return reject(error);
      }
      response.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total <= options.maxBytes) return void chunks.push(chunk);
        response.destroy();
        try {
          assertSize(total, options.displayName);
        } catch (error) {
          reject(error);
        }
      });
      response.on('end', () => resolve({ status, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * GETs an http(s) URL for a `$ref`, a lint input or a diff side: within a time limit, reading at
 * most `maxBytes`, following at most 5 redirects by hand. Every hop whose origin the user did not
 * name must resolve only to public addresses. Throws SpecLoadError for the size limit and Error
 * with a one-line reason for the rest.
 */
export async function fetchGuarded(href: string, options: GuardedFetch): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = new URL(href);
  for (let redirects = 0; ; redirects += 1) {
    const trusted = options.trustedOrigins.includes(url.origin);
    const hop = redirects === 0 ? '' : `redirected to ${url.href}: `;
    let result: Hop;
    try {
      assertReachable(url, trusted);
      result = await requestOnce(url, trusted, options, signal);
    } catch (error) {
      if (signal.aborted) throw new Error(`${hop}no answer within ${options.timeoutMs / 1000} s`);
      if (error instanceof Refused) throw new Error(`${hop}${error.message}`);
      if (isApigovError(error)) throw error;
      throw new Error(`${hop}${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (result.body) return result.body;
    if (result.location === undefined) throw new Error(`${hop}HTTP ${result.status}`);
    if (redirects === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    url = new URL(result.location, url);
  }
}
