/**
 * The sandbox's TCP forwarder: listens on 127.0.S.N:22 in the host namespace and relays to the node's sshd at
 * 198.18.S.N:22. Each link reads a control file (link-<node>.json in the control directory; re-read on SIGHUP
 * and every 250 ms) so tests can degrade the link:
 *   { "bytesPerSecond": 20000 }   throttle the link (both directions share the budget)
 *   { "cutAfterBytes": 1000000 }  reset each connection once it has carried that many more bytes
 *   { "down": true }              reset every open connection and refuse new ones
 *   { "cutEpoch": 3 }             a changed number resets every open connection once
 * An empty object, or no file, is a clean link.
 *
 * usage: node --import tsx forwarder.ts --control-dir=DIR NAME=LISTEN_HOST:PORT=TARGET_HOST:PORT ...
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

export interface LinkControl {
  bytesPerSecond?: number;
  cutAfterBytes?: number;
  down?: boolean;
  cutEpoch?: number;
}

interface Connection {
  client: Socket;
  upstream: Socket;
  carried: number;
  /** `carried` when the current cutAfterBytes took effect. */
  cutBase: number;
}

let connectionCount = 0;

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

class Link {
  control: LinkControl = {};
  private mtime = -1;
  private nextSendAt = 0;
  readonly connections = new Set<Connection>();
  server: Server | undefined;

  constructor(
    readonly name: string,
    readonly controlFile: string,
    readonly target: { host: string; port: number },
  ) {}

  reload(force: boolean): void {
    let mtime = 0;
    try {
      mtime = statSync(this.controlFile).mtimeMs;
    } catch {
      mtime = 0;
    }
    if (!force && mtime === this.mtime) return;
    this.mtime = mtime;
    let next: LinkControl = {};
    if (mtime) {
      try {
        next = JSON.parse(readFileSync(this.controlFile, 'utf8')) as LinkControl;
      } catch (e) {
        log(`${this.name}: ignoring unreadable control file: ${(e as Error).message}`);
        return;
      }
    }
    const previous = this.control;
    this.control = next;
    log(`${this.name}: control ${JSON.stringify(next)}`);
    if (next.down || (next.cutEpoch ?? 0) !== (previous.cutEpoch ?? 0)) {
      for (const c of this.connections) this.reset(c);
    } else if (next.cutAfterBytes !== previous.cutAfterBytes) {
      for (const c of this.connections) c.cutBase = c.carried;
    }
  }

  reset(c: Connection): void {
    this.connections.delete(c);
    c.client.resetAndDestroy();
    c.upstream.destroy();
  }

  /** How long to hold the sender back so the link stays within bytesPerSecond. */
  delayFor(bytes: number): number {
    const rate = this.control.bytesPerSecond;
    if (!rate || rate <= 0) return 0;
    const now = Date.now();
    const start = Math.max(now, this.nextSendAt);
    this.nextSendAt = start + (bytes / rate) * 1000;
    return this.nextSendAt - now;
  }

  accept(client: Socket): void {
    const id = ++connectionCount;
    if (this.control.down) {
      log(`${this.name}: #${id} refused (link down)`);
      client.resetAndDestroy();
      return;
    }
    log(`${this.name}: #${id} from ${client.remoteAddress}:${client.remotePort}`);
    const upstream = createConnection({ host: this.target.host, port: this.target.port });
    upstream.once('connect', () => log(`${this.name}: #${id} upstream connected`));
    const c: Connection = { client, upstream, carried: 0, cutBase: 0 };
    this.connections.add(c);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const close = (e?: Error) => {
      if (!this.connections.delete(c)) return;
      log(
        `${this.name}: #${id} closed after ${c.carried} bytes${e instanceof Error ? ` (${e.message})` : ''}`,
      );
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
    this.pump(c, client, upstream);
    this.pump(c, upstream, client);
  }

  private pump(c: Connection, from: Socket, to: Socket): void {
    let held = 0;
    const hold = () => {
      held++;
      from.pause();
    };
    const release = () => {
      held--;
      if (held === 0) from.resume();
    };
    from.on('data', (chunk: Buffer) => {
      c.carried += chunk.length;
      const limit = this.control.cutAfterBytes;
      if (limit && c.carried - c.cutBase >= limit) {
        log(`${this.name}: cutting a connection after ${c.carried} bytes`);
        this.reset(c);
        return;
      }
      if (!to.write(chunk)) {
        hold();
        to.once('drain', release);
      }
      const delay = this.delayFor(chunk.length);
      if (delay > 0) {
        hold();
        setTimeout(release, delay);
      }
    });
    from.on('end', () => to.end());
  }
}

function main(): void {
  const controlDir = process.argv.find((a) => a.startsWith('--control-dir='))?.slice('--control-dir='.length);
  if (!controlDir) throw new Error('missing --control-dir=');
  const routes = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const links: Link[] = [];
  let listening = 0;
  for (const route of routes) {
    const [name, listen, target] = route.split('=');
    const [listenHost, listenPort] = (listen ?? '').split(':');
    const [targetHost, targetPort] = (target ?? '').split(':');
    if (!name || !listenHost || !targetHost) throw new Error(`bad route ${route}`);
    const link = new Link(name, join(controlDir, `link-${name}.json`), {
      host: targetHost,
      port: Number(targetPort),
    });
    link.reload(true);
    link.server = createServer((socket) => link.accept(socket));
    link.server.on('error', (e) => {
      log(`${name}: ${e.message}`);
      process.exit(1);
    });
    link.server.listen({ host: listenHost, port: Number(listenPort) }, () => {
      log(`${name}: ${listenHost}:${listenPort} -> ${targetHost}:${targetPort}`);
      if (++listening === routes.length)
        writeFileSync(join(controlDir, 'forwarder.ready'), `${process.pid}\n`);
    });
    links.push(link);
  }
  process.on('SIGHUP', () => {
    for (const l of links) l.reload(true);
  });
  setInterval(() => {
    for (const l of links) l.reload(false);
  }, 250);
  process.on('SIGTERM', () => process.exit(0));
}

main();
