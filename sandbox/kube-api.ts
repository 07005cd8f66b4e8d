import { Agent, request } from 'node:https';
import { parse } from 'yaml';
import { SandboxError } from './errors';

/**
 * Just enough of the Kubernetes API over HTTPS with client-certificate credentials (no kubectl on a fresh
 * machine): JSON requests, /readyz, and watches read event by event. Used by the sandbox's seed, the tests and
 * the demo.
 */

export interface KubeCredentials {
  server: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    ownerReferences?: Array<{ kind: string; name: string; uid: string }>;
    deletionTimestamp?: string;
  };
  [field: string]: unknown;
}

export interface KubeList<T = KubeObject> {
  metadata: { resourceVersion: string };
  items: T[];
}

export interface KubeResponse<T> {
  status: number;
  body: T;
  /** The server's Retry-After, on a 429 (e.g. a resource's storage still initializing after a restart). */
  retryAfterSeconds?: number;
}

/** client-go's limit: a request is retried after 429 + Retry-After at most 10 times. */
const MAX_RETRIES_AFTER_429 = 10;

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number; reason?: string; message?: string };
}

interface Kubeconfig {
  clusters?: Array<{ cluster?: { server?: string; 'certificate-authority-data'?: string } }>;
  users?: Array<{ user?: { 'client-certificate-data'?: string; 'client-key-data'?: string } }>;
}

/** The first cluster and user of a kubeconfig with embedded data, as kubeadm writes them. */
export function credentialsFromKubeconfig(text: string, server?: string): KubeCredentials {
  const config = parse(text) as Kubeconfig;
  const cluster = config.clusters?.[0]?.cluster;
  const user = config.users?.[0]?.user;
  const ca = cluster?.['certificate-authority-data'];
  const cert = user?.['client-certificate-data'];
  const key = user?.['client-key-data'];
  const url = server ?? cluster?.server;
  if (!url || !ca || !cert || !key)
    throw new SandboxError(
      'kubeconfig: expected a server, certificate-authority-data and client cert/key data',
    );
  const b = (s: string) => Buffer.from(s, 'base64');
  return { server: url, ca: b(ca), cert: b(cert), key: b(key) };
}

export class KubeApiError extends SandboxError {}

export class KubeApi {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(readonly credentials: KubeCredentials) {
    this.url = new URL(credentials.server);
    this.agent = new Agent({
      keepAlive: true,
      ca: credentials.ca,
      cert: credentials.cert,
      key: credentials.key,
    });
  }

  get server(): string {
    return this.credentials.server;
  }

  /** One request; the body is parsed as JSON when the answer is JSON. Never throws on an HTTP status. */
  send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { contentType?: string; timeoutMs?: number } = {},
  ): Promise<KubeResponse<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          hostname: this.url.hostname,
          port: this.url.port || 443,
          method,
          path,
          headers: {
            accept: 'application/json',
            ...(payload
              ? {
                  'content-type': options.contentType ?? 'application/json',
                  'content-length': payload.length,
                }
              : {}),
          },
          timeout: options.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            if (/json/.test(res.headers['content-type'] ?? '')) {
              try {
                parsed = JSON.parse(text);
              } catch {
                // Left as text: the caller sees what the server said.
              }
            }
            const retryAfter = Number(res.headers['retry-after']);
            resolve({
              status: res.statusCode ?? 0,
              body: parsed as T,
              ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
            });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new KubeApiError(`${method} ${path}: no answer within the timeout`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /**
   * Like send, but an answer outside 2xx (or the allowed statuses) is an error naming the server's message. A
   * 429 with Retry-After is retried when the server says, as client-go does: after a restart /readyz can be ok
   * while a custom resource's storage still initializes.
   */
  async call<T = KubeObject>(
    method: string,
    path: string,
    body?: unknown,
    options: { allow?: number[]; contentType?: string } = {},
  ): Promise<KubeResponse<T>> {
    let res = await this.send<T>(method, path, body, options);
    for (let retry = 0; res.status === 429 && res.retryAfterSeconds !== undefined; retry++) {
      if (retry >= MAX_RETRIES_AFTER_429) break;
      await new Promise((r) => setTimeout(r, Math.min(res.retryAfterSeconds!, 10) * 1000));
      res = await this.send<T>(method, path, body, options);
    }
    if ((res.status < 200 || res.status > 299) && !options.allow?.includes(res.status)) {
      const message = (res.body as { message?: string } | string | undefined) ?? '';
      const why = typeof message === 'string' ? message.slice(0, 300) : message.message;
      throw new KubeApiError(`${method} ${path} answered ${res.status}: ${why}`);
    }
    return res;
  }

  async get<T = KubeObject>(path: string): Promise<T> {
    return (await this.call<T>('GET', path)).body;
  }

  /** The object, or undefined when the API answers 404. */
  async find<T = KubeObject>(path: string): Promise<T | undefined> {
    const res = await this.call<T>('GET', path, undefined, { allow: [404] });
    return res.status === 404 ? undefined : res.body;
  }

  async list<T = KubeObject>(path: string): Promise<KubeList<T>> {
    return this.get<KubeList<T>>(path);
  }

  async create<T = KubeObject>(path: string, object: unknown): Promise<T> {
    return (await this.call<T>('POST', path, object)).body;
  }

  async mergePatch<T = KubeObject>(path: string, patch: unknown): Promise<T> {
    return (await this.call<T>('PATCH', path, patch, { contentType: 'application/merge-patch+json' })).body;
  }

  async delete(path: string): Promise<void> {
    await this.call('DELETE', path, undefined, { allow: [404] });
  }

  /** `/readyz`: ok, or the server's list of failing checks (or the connection error). */
  async readyz(): Promise<{ ok: boolean; detail: string }> {
    try {
      const res = await this.send<string>('GET', '/readyz?verbose', undefined, { timeoutMs: 5_000 });
      return { ok: res.status === 200, detail: String(res.body) };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  }

  /** Polls `/readyz` until it answers 200. The last answer is in the error when it never does. */
  async waitForReady(timeoutMs: number, signal?: AbortSignal): Promise<number> {
    const started = Date.now();
    let last = '';
    while (Date.now() - started < timeoutMs) {
      signal?.throwIfAborted();
      const r = await this.readyz();
      if (r.ok) return Date.now() - started;
      last = r.detail
        .split('\n')
        .filter((l) => /failed|refused|reset|timeout|ECONN/i.test(l))
        .slice(0, 3)
        .join('; ');
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new KubeApiError(
      `${this.server}/readyz not ok after ${timeoutMs / 1000}s${last ? `: ${last}` : ''}`,
    );
  }

  /** Opens a watch from a resourceVersion; events arrive in order on the returned Watch. */
  watch(path: string, resourceVersion: string): Watch {
    return new Watch(this.agent, this.url, path, resourceVersion);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A watch stream: its events so far, the HTTP status it opened with, and a way to wait for an event. */
export class Watch {
  readonly events: WatchEvent[] = [];
  status: number | undefined;
  ended = false;
  private waiters: Array<() => void> = [];
  private readonly req: ReturnType<typeof request>;

  constructor(agent: Agent, url: URL, path: string, resourceVersion: string) {
    const query = `watch=1&resourceVersion=${encodeURIComponent(resourceVersion)}&allowWatchBookmarks=false`;
    this.req = request(
      {
        agent,
        hostname: url.hostname,
        port: url.port || 443,
        path: `${path}${path.includes('?') ? '&' : '?'}${query}`,
        headers: { accept: 'application/json' },
      },
      (res) => {
        this.status = res.statusCode;
        let buffered = '';
        res.on('data', (d: Buffer) => {
          buffered += d.toString('utf8');
          let nl = buffered.indexOf('\n');
          while (nl >= 0) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (line) this.push(JSON.parse(line) as WatchEvent | WatchEvent['object']);
            nl = buffered.indexOf('\n');
          }
        });
        res.on('end', () => {
          // A watch refused before it started (HTTP 410) answers with a bare Status, not an event.
          if (buffered.trim()) this.push(JSON.parse(buffered) as WatchEvent | WatchEvent['object']);
          this.finish();
        });
        res.on('error', () => this.finish());
      },
    );
    this.req.on('error', () => this.finish());
    this.req.end();
  }

  private push(parsed: WatchEvent | WatchEvent['object']): void {
    const event: WatchEvent =
      'type' in parsed && 'object' in parsed
        ? (parsed as WatchEvent)
        : { type: 'ERROR', object: parsed as WatchEvent['object'] };
    this.events.push(event);
    this.wake();
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits for an event that matches, or for the stream to end; returns the event or undefined. */
  async next(match: (e: WatchEvent) => boolean, timeoutMs: number): Promise<WatchEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found || this.ended || Date.now() >= deadline) return found;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.req.destroy();
    this.finish();
  }
}
