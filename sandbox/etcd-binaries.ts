import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The etcd minor versions the project tests against, and the exact builds it uses for each. */
export const ETCD_VERSIONS = {
  '3.4': '3.4.23',
  '3.5': '3.5.21',
  '3.6': '3.6.6',
  '3.7': '3.7.3',
} as const;

export type EtcdMinor = keyof typeof ETCD_VERSIONS;

export interface EtcdBinaries {
  minor: EtcdMinor;
  version: string;
  dir: string;
  etcd: string;
  etcdctl: string;
  /** etcdutl exists from 3.5; on 3.4 `snapshot status|restore` live in etcdctl. */
  etcdutl: string | undefined;
}

export function etcdCacheDir(): string {
  return join(process.env.ETCD_BACKUP_CACHE ?? join(homedir(), '.cache', 'etcd-backup-action'), 'etcd');
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds the binaries for a minor version, or says why they are missing (for a skipped test's reason). */
export function findEtcd(minor: EtcdMinor): EtcdBinaries | { missing: string } {
  const version = ETCD_VERSIONS[minor];
  if (minor === '3.4') {
    if (!executable('/usr/bin/etcd') || !executable('/usr/bin/etcdctl')) {
      return {
        missing: 'etcd 3.4 not installed: run scripts/install-etcd.sh (Debian etcd-server, etcd-client)',
      };
    }
    return {
      minor,
      version,
      dir: '/usr/bin',
      etcd: '/usr/bin/etcd',
      etcdctl: '/usr/bin/etcdctl',
      etcdutl: undefined,
    };
  }
  const dir = join(etcdCacheDir(), version);
  const etcd = join(dir, 'etcd');
  if (!existsSync(etcd) || !executable(etcd)) {
    return { missing: `etcd ${version} not built: run scripts/install-etcd.sh ${version}` };
  }
  return { minor, version, dir, etcd, etcdctl: join(dir, 'etcdctl'), etcdutl: join(dir, 'etcdutl') };
}

export function availableEtcdMinors(): EtcdMinor[] {
  return (Object.keys(ETCD_VERSIONS) as EtcdMinor[]).filter((m) => !('missing' in findEtcd(m)));
}
