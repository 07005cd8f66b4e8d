import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';

export interface ProxyFault {
  /** e.g. `PUT /bucket/key?partNumber=3&uploadId=…`; matched against `METHOD URL`. */
  match: RegExp;
  /**
   * `slowdown`: answer 503 SlowDown; `cut`: take part of the request body, then drop the connection;
   * `corrupt`: forward the request with one body byte flipped (headers, checksums included, unchanged);
   * `cut-answer`: forward the request, then drop the connection part-way through the answer's body.
   */
  action: 'slowdown' | 'cut' | 'corrupt' | 'cut-answer';
  /** How many matching requests get the fault; Infinity for all. */
  times: number;
}

export interface ProxiedRequest {
  method: string;
  url: string;
  /** The status the client saw; 0 when the connection was cut. */
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A loopback HTTP proxy in front of an S3 endpoint that injects faults into chosen requests. It forwards
 * the Host header unchanged, so SigV4 signatures made for the proxy's address still verify upstream.
 */
export class S3FaultProxy {
  readonly requests: ProxiedRequest[] = [];
  readonly faults: ProxyFault[] = [];
  private server: Server | undefined;
  endpoint = '';

  constructor(private readonly upstream: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const line = `${req.method} ${req.url}`;
      const fault = this.faults.find((f) => f.times > 0 && f.match.test(line));
      const record: ProxiedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        status: 0,
        headers: req.headers,
      };
      this.requests.push(record);
      if (fault) fault.times--;
      if (fault?.action === 'slowdown') {
        req.resume();
        req.once('end', () => {
          record.status = 503;
          res
            .writeHead(503, { 'content-type': 'application/xml' })
            .end(
              '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
            );
        });
        return;
      }
      if (fault?.action === 'cut') {
        let seen = 0;
        req.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) req.socket.destroy();
        });
        req.once('end', () => req.socket.destroy());
        return;
      }
      this.forward(req, res, record, fault?.action);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  private forward(
    req: IncomingMessage,
    res: ServerResponse,
    record: ProxiedRequest,
    fault: ProxyFault['action'] | undefined,
  ): void {
    const target = new URL(req.url ?? '/', this.upstream);
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      record.status = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (fault !== 'cut-answer') {
        answer.pipe(res);
        return;
      }
      let sent = 0;
      answer.on('data', (chunk: Buffer) => {
        sent += chunk.length;
        if (sent > 64 * 1024) res.socket?.destroy();
        else res.write(chunk);
      });
    });
    upstream.once('error', () => req.socket.destroy());
    if (fault !== 'corrupt') {
      req.pipe(upstream);
      return;
    }
    let flipped = false;
    req.on('data', (chunk: Buffer) => {
      if (!flipped && chunk.length > 0) {
        chunk[chunk.length >> 1]! ^= 0x01;
        flipped = true;
      }
      upstream.write(chunk);
    });
    req.once('end', () => upstream.end());
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
