#!/usr/bin/env bash
# Builds actionlint from its Go module into a cache outside the repo, so the tests can lint the action.yml files
# and the example workflows with a version that knows `runs.using: node24` (1.7.8+; the npm wasm builds are older).
# A second run finds the cache and costs nothing. Usage: scripts/install-actionlint.sh [VERSION]
set -euo pipefail

version="${1:-${ACTIONLINT_VERSION:-1.7.12}}"
bin="${ETCD_BACKUP_CACHE:-$HOME/.cache/etcd-backup-action}/bin"
dest="$bin/actionlint-$version"

if [ -x "$dest" ]; then
  echo "install-actionlint: actionlint $version cached in $dest"
  exit 0
fi
command -v go >/dev/null || { echo "install-actionlint: needs Go to build actionlint $version; install Go, or the actionlint tests are skipped" >&2; exit 1; }
echo "install-actionlint: building actionlint $version from its Go module"
mkdir -p "$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GOBIN="$work" go install "github.com/rhysd/actionlint/cmd/actionlint@v$version"
mv "$work/actionlint" "$dest.partial"
mv "$dest.partial" "$dest"
ln -sfn "actionlint-$version" "$bin/actionlint"
echo "install-actionlint: actionlint $version installed in $dest"
