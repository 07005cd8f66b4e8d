import { parseClientUrl } from '../controlplane/discover';
import { EtcdBackupError } from '../errors';
import { EtcdClient, type EtcdTls } from '../etcd/client';
import type { SshSession } from '../ssh';
import { SshForwardError } from '../ssh/errors';

export interface MemberConnection {
  client: EtcdClient;
  url: string;
  close(): Promise<void>;
}

/** Reads the etcd client CA, certificate and key over SSH (as root) into memory only: never onto the runner's disk. */
export async function readClientTls(
  session: SshSession,
  paths: { ca: string; cert: string; key: string },
): Promise<EtcdTls> {
  const [ca, cert, key] = await Promise.all(
    [paths.ca, paths.cert, paths.key].map((path) => session.readFile(path, { sudo: true })),
  );
  return { ca: ca!, cert: cert!, key: key! };
}

/**
 * Reaches one etcd client URL *from the node*: an SSH tunnel to it, and a gRPC client over the tunnel that
 * checks the server certificate against the URL's host (what the node itself would see).
 */
export async function connectThroughNode(
  session: SshSession,
  url: string,
  tls: EtcdTls,
): Promise<MemberConnection> {
  const { host, port, tls: secure } = parseClientUrl(url);
  const tunnel = await session.openTunnel(host, port).catch((error: unknown) => {
    // sshd could not connect to the client URL on the node: etcd is not running there (or listens elsewhere).
    if (!(error instanceof SshForwardError)) throw error;
    throw new EtcdBackupError(`etcd does not answer at ${url} on ${session.target} (${error.reason})`, {
      hint: 'check that the etcd pod runs on that node (crictl ps, the kubelet log), or give the etcd endpoint it listens on',
      cause: error,
    });
  });
  const client = EtcdClient.connect({
    address: tunnel.address,
    ...(secure ? { tls: { ...tls, serverName: host } } : {}),
  });
  return {
    client,
    url,
    close: async () => {
      client.close();
      await tunnel.close();
    },
  };
}

/** The first of a member's advertised client URLs that answers through the node. */
export async function connectToAnyUrl(
  session: SshSession,
  urls: string[],
  tls: EtcdTls,
): Promise<MemberConnection> {
  let lastError: unknown;
  for (const url of urls) {
    let connection: MemberConnection | undefined;
    try {
      connection = await connectThroughNode(session, url, tls);
      await connection.client.status();
      return connection;
    } catch (error) {
      lastError = error;
      await connection?.close();
    }
  }
  throw lastError ?? new EtcdBackupError('the member advertises no client URL');
}
