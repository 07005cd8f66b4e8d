import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as core from '@actions/core';

/**
 * The one folder on the runner where a step's plaintext snapshots, staged blobs and any key material live.
 * The main step records it in the step state before anything is written, so the post step (which runs even
 * when the job failed or was cancelled) can remove what a killed main step left behind.
 */
export const WORK_DIR_STATE = 'work_dirs';
export const WORK_DIR_PREFIX = 'etcd-backup-action-';

export function claimWorkDir(): { path: string; dispose(): void } {
  const parent = process.env.RUNNER_TEMP || tmpdir();
  const path = mkdtempSync(join(parent, WORK_DIR_PREFIX));
  core.saveState(WORK_DIR_STATE, JSON.stringify([path]));
  // The core makes its private temp dirs (and the stores their staging dirs) under RUNNER_TEMP, then the
  // OS temp dir: pointing both here puts everything this process writes inside the recorded folder.
  process.env.RUNNER_TEMP = path;
  process.env.TMPDIR = path;
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

/** Only folders this action made are removed, whatever the state says. */
function isOurs(path: string): boolean {
  return path.startsWith('/') && basename(path).startsWith(WORK_DIR_PREFIX) && !path.includes('/../');
}

export interface CleanupResult {
  removed: string[];
  absent: string[];
  refused: string[];
}

export function removeRecordedWorkDirs(state: string): CleanupResult {
  const result: CleanupResult = { removed: [], absent: [], refused: [] };
  if (state === '') return result;
  let paths: unknown;
  try {
    paths = JSON.parse(state);
  } catch {
    paths = [];
  }
  for (const path of Array.isArray(paths) ? paths : []) {
    if (typeof path !== 'string' || !isOurs(path)) {
      result.refused.push(String(path));
      continue;
    }
    let exists = true;
    try {
      statSync(path);
    } catch {
      exists = false;
    }
    if (!exists) {
      result.absent.push(path);
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    result.removed.push(path);
  }
  return result;
}
