import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { EtcdBinaries } from '../../sandbox/etcd-binaries';

/**
 * A stand-in for etcd's GitHub release downloads on 127.0.0.1: `<base>/<flavour>/v<version>/…` serves
 * etcd-v<version>-linux-amd64.tar.gz (packed here from the locally built binaries, in the release's layout) and
 * SHA256SUMS. Flavour `tampered` lists a wrong SHA-256; any other version is a 404. Every request is recorded.
 */
export class ReleaseServer {
  readonly requests: string[] = [];
  readonly name: string;
  private server: Server | undefined;
  base = '';

  constructor(
    private readonly binaries: EtcdBinaries,
    private readonly work: string,
  ) {
    this.name = `etcd-v${binaries.version}-linux-amd64`;
  }

  async start(): Promise<this> {
    const dir = join(this.work, 'release', this.name);
    mkdirSync(dir, { recursive: true });
    for (const tool of ['etcd', 'etcdctl', 'etcdutl'] as const) {
      const from = this.binaries[tool];
      if (from) copyFileSync(from, join(dir, tool));
    }
    const file = join(this.work, `${this.name}.tar.gz`);
    execFileSync('tar', ['-C', join(this.work, 'release'), '-I', 'gzip -1', '-cf', file, this.name]);
    const tarball = readFileSync(file);
    const good = createHash('sha256').update(tarball).digest('hex');
    const bad = good.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const sums = (hash: string) =>
      `${'0'.repeat(64)}  etcd-v${this.binaries.version}-darwin-amd64.zip\n${hash}  ${this.name}.tar.gz\n`;
    this.server = createServer((req, res) => {
      const url = req.url ?? '';
      this.requests.push(url);
      const [, flavour, version, asset] = url.split('/');
      if (version !== `v${this.binaries.version}`) res.writeHead(404).end('Not Found');
      else if (asset === 'SHA256SUMS') res.writeHead(200).end(sums(flavour === 'tampered' ? bad : good));
      else if (asset === `${this.name}.tar.gz`)
        res.writeHead(200, { 'content-length': tarball.length }).end(tarball);
      else res.writeHead(404).end('Not Found');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
