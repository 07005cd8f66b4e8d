import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';

/**
 * age-encryption works on web streams. This bridge pulls one chunk at a time from a Node stream, so the
 * web side never buffers ahead of what the cipher asks for, and a failure of the source fails the reader.
 */
export function nodeToWeb(readable: Readable): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else {
          const b = next.value as Buffer;
          controller.enqueue(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
        }
      },
      cancel(reason) {
        readable.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

export function webToNode(stream: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(stream as NodeWebReadableStream<Uint8Array>);
}
