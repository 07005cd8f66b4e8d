import { join } from 'node:path';
import * as core from '@actions/core';
import type { BackupMetadata } from '../format';
import type { StoreSpec } from '../store/open-store';
import { blobFileName } from '../store/store';

/** Where a stored backup can be fetched from, for the outputs: an artifact id and page, an asset URL, a path. */
export interface StoredAt {
  artifactId?: number;
  artifactUrl?: string;
  assetUrl?: string;
  path?: string;
  /** s3://bucket/prefix/blob (the blob's first part if it was split). */
  objectUrl?: string;
}

/**
 * Looks up what the store does not return: one read-only call after the backup. A failure here costs only
 * these outputs (with a warning), never the backup.
 */
export async function locateStored(
  parsed: StoreSpec,
  metadata: BackupMetadata,
  context: { token: string | undefined; repository: string | undefined },
): Promise<StoredAt> {
  const blob = blobFileName(metadata);
  try {
    switch (parsed.kind) {
      case 'dir':
        return { path: join(parsed.path, blob) };
      case 's3':
        return {
          objectUrl: `s3://${[parsed.bucket, parsed.prefix, blob].filter((p) => p !== '').join('/')}`,
        };
      case 'artifact': {
        const { DefaultArtifactClient } = await import('@actions/artifact');
        const { artifact } = await new DefaultArtifactClient().getArtifact(blob);
        const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
        const repository = process.env.GITHUB_REPOSITORY;
        const runId = process.env.GITHUB_RUN_ID;
        return {
          artifactId: artifact.id,
          ...(repository && runId
            ? { artifactUrl: `${server}/${repository}/actions/runs/${runId}/artifacts/${artifact.id}` }
            : {}),
        };
      }
      case 'release': {
        const repository = context.repository ?? process.env.GITHUB_REPOSITORY ?? '';
        const [owner, repo] = repository.split('/') as [string, string];
        if (!context.token) return {};
        const { getOctokit } = await import('@actions/github');
        const octokit = getOctokit(context.token, {
          baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
        });
        // The store's naming: a rolling release has the given tag, otherwise one release per backup.
        const tag = parsed.tag ?? `etcd-backup-${metadata.name}`;
        const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
        const asset = data.assets.find((a) => a.name === blob || a.name === `${blob}.part000`);
        return asset ? { assetUrl: asset.browser_download_url } : {};
      }
    }
  } catch (error) {
    core.warning(
      `the backup is stored, but finding its ${parsed.kind} for the outputs failed: ${(error as Error).message.split('\n')[0]}`,
    );
    return {};
  }
}
