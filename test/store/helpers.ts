import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { open } from '../../src/envelope/open';
import { seal } from '../../src/envelope/seal';
import { backupName, type MetadataDraft } from '../../src/format';
import type { BackupStore } from '../../src/store/store';
import { sampleMetadata } from './fixtures';

export interface Keys {
  identity: string;
  recipient: string;
}

export async function newKeys(): Promise<Keys> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** A draft for a backup of `cluster` at `time`; everything the store does not fill in. */
export function draftFor(cluster: string, time: Date, revision: number, recipient: string): MetadataDraft {
  const { envelope, ...rest } = sampleMetadata();
  return {
    ...rest,
    name: backupName(cluster, time, revision),
    cluster,
    createdAt: time.toISOString(),
    etcd: { ...rest.etcd, revision },
    envelope: {
      compression: envelope.compression,
      encryption: { kind: 'age-recipients', recipients: [recipient] },
    },
  };
}

/** Hashes a stream without keeping it; resolves only if it ends cleanly. */
export async function sha256Of(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _e, done) {
        hash.update(chunk);
        size += chunk.length;
        done();
      },
    }),
  );
  return { sha256: hash.digest('hex'), size };
}

/**
 * The real backup path in miniature: seal a snapshot stream, put it, get it back, open it, and compare the
 * opened bytes' digest with the original's.
 */
export async function roundTrip(
  store: BackupStore,
  snapshot: () => Readable,
  keys: Keys,
  draft: MetadataDraft,
): Promise<{
  stored: Awaited<ReturnType<BackupStore['put']>>;
  original: { sha256: string | undefined; size: number };
}> {
  const sealed = await seal(snapshot(), { encryption: { kind: 'recipients', recipients: [keys.recipient] } });
  const stored = await store.put(draft.name, sealed.blob, draft);
  const original = await sealed.snapshot;
  const back = await store.get(draft.name);
  const opened = await open(back.blob, {
    keys: { identities: [keys.identity] },
    envelope: back.metadata.envelope,
    label: draft.name,
  });
  const digest = await sha256Of(opened);
  if (digest.sha256 !== original.sha256 || digest.size !== original.size) {
    throw new Error(
      `round trip changed the snapshot: ${JSON.stringify(digest)} vs ${JSON.stringify(original)}`,
    );
  }
  return { stored, original };
}

export function bytes(text: string): () => Readable {
  return () => Readable.from([Buffer.from(text)]);
}
