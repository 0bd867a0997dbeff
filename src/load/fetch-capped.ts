import { assertSize } from './guard-spec-text.js';
import { currentSpecLimits } from '../runtime/run-context.js';

export interface FetchedBytes {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * GETs a URL the user allowed, with a time limit, no redirects (a redirect could lead to a
 * loopback or private address the user never named), and the size limit applied while reading,
 * so a server that never stops sending cannot fill memory. Throws Error with a short reason.
 */
export async function fetchCapped(url: string, displayName: string, timeoutMs = 15_000): Promise<FetchedBytes> {
  const maxBytes = currentSpecLimits().maxBytes;
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared)) assertSize(declared, displayName);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.length;
    if (total > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      assertSize(total, displayName);
    }
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type') ?? '' };
}
