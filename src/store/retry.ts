import { setTimeout as sleep } from 'node:timers/promises';
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

/** How long GitHub asked us to wait, if it did: `retry-after` seconds, or until `x-ratelimit-reset`. */
function requestedWaitMs(error: HttpFailure, now: number): number | undefined {
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
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
export function isRetryable(error: HttpFailure): boolean {
  if (error instanceof StoreError) return false;
  if (error.status === undefined || error.status === 0) return true;
  return error.status >= 500 || isRateLimit(error);
}

/**
 * Runs `operation` until it succeeds, fails with something not worth retrying, or runs out of attempts.
 * Waits what GitHub asks for on rate limits (retry-after, x-ratelimit-reset) and backs off otherwise.
 * `beforeRetry` can clean up (e.g. delete a half-uploaded asset) before the next try.
 */
export async function withRetry<T>(
  what: string,
  operation: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  beforeRetry?: () => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const failure = error as HttpFailure;
      if (!isRetryable(failure) || attempt >= policy.attempts) throw error;
      const asked = requestedWaitMs(failure, Date.now());
      if (asked !== undefined && asked > policy.maxWaitMs) {
        const at = new Date(Date.now() + asked).toISOString();
        throw new StoreError('rate-limited', `${what}: GitHub's rate limit resets only at ${at}`, {
          hint: 'wait, or use a token with a higher limit (a GitHub App or PAT instead of GITHUB_TOKEN)',
          cause: error,
        });
      }
      const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      const delay = asked ?? backoff * (0.5 + Math.random() / 2);
      await sleep(delay);
      await beforeRetry?.();
    }
  }
}
