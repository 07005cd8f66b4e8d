#!/usr/bin/env bash
# Installs the etcd versions the tests and the demo use, and caches them by version outside the repo:
#   3.4  from Debian (etcd-server, etcd-client: etcd and etcdctl 3.4.23, no etcdutl)
#   3.5, 3.6, 3.7 built from their Go modules (what kubeadm installs with Kubernetes 1.33, 1.34-1.36 and 1.37)
# A second run finds the cache and costs nothing. Usage: scripts/install-etcd.sh [VERSION ...]
set -euo pipefail

cache="${ETCD_BACKUP_CACHE:-$HOME/.cache/etcd-backup-action}/etcd"
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(3.5.21 3.6.6 3.7.3)

if ! command -v etcd >/dev/null || ! command -v etcdctl >/dev/null; then
  echo "install-etcd: installing Debian's etcd 3.4 (etcd-server, etcd-client)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server etcd-client >/dev/null
fi

for v in "${versions[@]}"; do
  dest="$cache/$v"
  if [ -x "$dest/etcd" ] && [ -x "$dest/etcdctl" ] && [ -x "$dest/etcdutl" ]; then
    echo "install-etcd: etcd $v cached in $dest"
    continue
  fi
  command -v go >/dev/null || { echo "install-etcd: etcd $v needs Go to build; install Go or skip this version" >&2; exit 1; }
  echo "install-etcd: building etcd $v from its Go modules (about a minute per version)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (
    cd "$work"
    go mod init etcd-build >/dev/null 2>&1
    go get "go.etcd.io/etcd/server/v3@v$v" "go.etcd.io/etcd/etcdctl/v3@v$v" "go.etcd.io/etcd/etcdutl/v3@v$v" >/dev/null 2>&1
    mkdir -p out
    go build -trimpath -o out/etcd go.etcd.io/etcd/server/v3
    go build -trimpath -o out/etcdctl go.etcd.io/etcd/etcdctl/v3
    go build -trimpath -o out/etcdutl go.etcd.io/etcd/etcdutl/v3
  )
  mkdir -p "$cache"
  rm -rf "$dest.partial" && mv "$work/out" "$dest.partial" && rm -rf "$dest" && mv "$dest.partial" "$dest"
  rm -rf "$work"
  trap - EXIT
  echo "install-etcd: etcd $v installed in $dest"
done
