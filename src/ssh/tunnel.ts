import { createServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { discardChannel } from './channel';

export interface Tunnel {
  /** Always 127.0.0.1: the tunnel is never reachable from other machines. */
  host: string;
  port: number;
  /** `127.0.0.1:<port>`, ready for a gRPC target. */
  address: string;
  /** Where it leads, as seen from the node. */
  remote: string;
  close(): Promise<void>;
  /** Settles once the listener is closed (by close() or with the session). */
  closed: Promise<void>;
}

/** What a tunnel needs of a session: raw TCP connections from the node. */
export interface ForwardingSession {
  forwardOut(host: string, port: number): Promise<Duplex>;
}

/**
 * Listens on 127.0.0.1:<free port>; each accepted connection becomes one forwarded channel to the remote
 * address.
 */
export function openTunnel(
  session: ForwardingSession,
  remoteHost: string,
  remotePort: number,
): Promise<Tunnel> {
  const sockets = new Set<Socket>();
  // allowHalfOpen: a client that stops sending still gets everything the remote side has left to send.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    forwardSocket(socket, sockets, session, remoteHost, remotePort);
  });
  const closed = new Promise<void>((resolve) => server.on('close', () => resolve()));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('the tunnel listener has no TCP address'));
        return;
      }
      const port = address.port;
      resolve({
        host: '127.0.0.1',
        port,
        address: `127.0.0.1:${port}`,
        remote: `${remoteHost}:${remotePort}`,
        closed,
        close: () => {
          if (server.listening) server.close();
          for (const socket of sockets) socket.destroy();
          return closed;
        },
      });
    });
  });
}

/**
 * Opens a channel for an accepted socket, which waits paused until it is there. noDelay matters: gRPC's
 * small frames would otherwise wait on Nagle. The socket stays in `sockets` (for close()) while it is open.
 */
function forwardSocket(
  socket: Socket,
  sockets: Set<Socket>,
  session: ForwardingSession,
  remoteHost: string,
  remotePort: number,
): void {
  socket.setNoDelay(true);
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.pause();
  session.forwardOut(remoteHost, remotePort).then(
    (channel) => joinSocketToChannel(socket, channel),
    () => socket.destroy(),
  );
}

function joinSocketToChannel(socket: Socket, channel: Duplex): void {
  if (socket.destroyed) {
    discardChannel(channel);
    return;
  }
  // Ends travel through the pipes (so buffered bytes are flushed first); only failures cut the other side.
  let channelEnded = false;
  channel.on('end', () => {
    channelEnded = true;
  });
  socket.pipe(channel).pipe(socket);
  channel.on('error', () => socket.destroy());
  channel.on('close', () => {
    if (!channelEnded) socket.destroy();
  });
  socket.on('error', () => discardChannel(channel));
  socket.on('close', () => discardChannel(channel));
  socket.resume();
}
