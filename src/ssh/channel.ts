import { Duplex } from 'node:stream';

/**
 * Closes an ssh2 channel for good. ssh2's own destroy() only sends EOF and CLOSE; the stream stays
 * readable, and data the server sent before it saw our CLOSE still gets pushed into it, which makes ssh2
 * send WINDOW_ADJUST for a channel we closed. The server may by then have given that channel's id to a
 * newly opened channel, which receives the extra window: the server sends more than ssh2 allows for and
 * ssh2 silently drops the excess (seen: a tunnel losing 1 MiB mid-stream after a probe channel was closed).
 * Destroying the stream itself makes those late pushes fail, so no adjust is ever sent for it.
 */
export function discardChannel(channel: Duplex): void {
  if (channel.destroyed) return;
  channel.destroy();
  Duplex.prototype.destroy.call(channel);
}
