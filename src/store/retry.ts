import { setTimeout as sleep } from 'node:timers/promises';
import type { BlobBackend, BlobSource } from './backend';
import { StoreError } from './errors';

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** First backoff; doubles each time (with jitter) up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A rate limit that resets later than this fails at once instead of blocking the job. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxWaitMs: 10 * 60_000,
};

interface HttpFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** How long an HTTP service asked us to wait, if it did: `retry-after` seconds, or until `x-ratelimit-reset`. */
export function requestedWaitMs(error: HttpFailure, now = Date.now()): number | undefined {
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0)
    return retryAfter * 1000;
  const limited = String(headers['x-ratelimit-remaining']) === '0';
  const reset = Number(headers['x-ratelimit-reset']);
  if (limited && Number.isFinite(reset)) return Math.max(reset * 1000 - now, 0) + 1000;
  return undefined;
}

export function isRateLimit(error: HttpFailure): boolean {
  const headers = error.response?.headers ?? {};
  return (
    error.status === 429 ||
    (error.status === 403 &&
      (String(headers['x-ratelimit-remaining']) === '0' ||
        headers['retry-after'] !== undefined ||
        /rate limit/i.test(error.message ?? '')))
  );
}

/** 5xx, rate limits, and failures with no HTTP answer at all (connection reset, DNS hiccup). */
export function isTransientHttp(error: HttpFailure): boolean {
  if (error instanceof StoreError) return error.transient;
  if (error.status === undefined || error.status === 0) return true;
  return error.status >= 500 || isRateLimit(error);
}

/**
 * Runs `operation` until it succeeds, fails with something not worth retrying (a StoreError that is not
 * transient), or runs out of attempts. Waits what the service asks for and backs off otherwise.
 */
export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof StoreError) || !error.transient) throw error;
      if (attempt >= policy.attempts) {
        throw new StoreError(error.reason, `${error.message} (gave up after ${attempt} tries)`, {
          ...(error.hint ? { hint: error.hint } : {}),
          cause: error,
        });
      }
      const asked = error.retryAfterMs;
      if (asked !== undefined && asked > policy.maxWaitMs) {
        const at = new Date(Date.now() + asked).toISOString();
        throw new StoreError('rate-limited', `${error.message}; the rate limit resets only at ${at}`, {
          hint: 'wait, or use a token with a higher limit (a GitHub App or PAT instead of GITHUB_TOKEN)',
          cause: error,
        });
      }
      const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      await sleep(asked ?? backoff * (0.5 + Math.random() / 2));
    }
  }
}

/**
 * Any backend, retried: each call that fails with a transient StoreError is tried again, up to the policy's
 * attempts. A put whose bytes come from a live stream cannot be sent twice and is tried once; backends that
 * stream (S3) retry their parts themselves.
 */
export function withRetries(backend: BlobBackend, policy: Partial<RetryPolicy> = {}): BlobBackend {
  const full: RetryPolicy = { ...DEFAULT_RETRY, ...policy };
  const retried: BlobBackend = {
    location: backend.location,
    put: (key: string, source: BlobSource) =>
      source.replayable ? withRetry(() => backend.put(key, source), full) : backend.put(key, source),
    get: (key: string) => withRetry(() => backend.get(key), full),
    list: () => withRetry(() => backend.list(), full),
    delete: (key: string) => withRetry(() => backend.delete(key), full),
  };
  if (backend.maxBlobSize !== undefined) Object.assign(retried, { maxBlobSize: backend.maxBlobSize });
  const prepare = backend.prepare?.bind(backend);
  if (prepare) retried.prepare = (keys) => withRetry(() => prepare(keys), full);
  return retried;
}
