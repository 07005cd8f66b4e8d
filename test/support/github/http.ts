import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface LoggedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  status: number;
  /** A few headers tests assert on (authorization is recorded only as present or not). */
  headers: { authorization?: string; contentType?: string; contentLength?: string; accept?: string };
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

/** A loopback HTTP server that tries each handler in turn and logs every request and its status. */
export class LocalServer {
  readonly requests: LoggedRequest[] = [];
  private readonly handlers: Handler[] = [];
  private server: Server | undefined;
  private base = '';

  get url(): string {
    if (!this.base) throw new Error('server not started');
    return this.base;
  }

  use(handler: Handler): void {
    this.handlers.push(handler);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.base);
      const entry: LoggedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        status: 0,
        headers: {
          ...(req.headers.authorization ? { authorization: req.headers.authorization.split(' ')[0] } : {}),
          ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
          ...(req.headers['content-length'] ? { contentLength: req.headers['content-length'] } : {}),
          ...(req.headers.accept ? { accept: req.headers.accept } : {}),
        },
      };
      this.requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      this.dispatch(req, res, url).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { message: `local server bug: ${(error as Error).message}` });
        else res.destroy();
      });
    });
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    const { port } = this.server.address() as { port: number };
    this.base = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    for (const handler of this.handlers) {
      if (await handler(req, res, url)) return;
    }
    await drain(req);
    sendJson(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  return body.length === 0 ? {} : (JSON.parse(body.toString()) as Record<string, unknown>);
}

export async function drain(req: IncomingMessage): Promise<void> {
  for await (const _ of req) {
    // discard
  }
}
