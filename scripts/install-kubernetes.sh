#!/usr/bin/env bash
# Builds the real kube-apiserver and kube-controller-manager the sandbox runs as static pods, from their Go
# modules, and caches them by version outside the repo (~/.cache/etcd-backup-action/kubernetes/<version>).
# A second run finds the cache and costs nothing.
#   scripts/install-kubernetes.sh              # 1.37.2, the default (kubeadm 1.37 pairs it with etcd 3.7)
#   scripts/install-kubernetes.sh 1.34.4       # a second minor for the version matrix (etcd 3.6)
#
# Why a wrapper module: k8s.io/kubernetes's go.mod points its staging modules (k8s.io/api, k8s.io/apiserver, ...)
# at ./staging/... and requires them at v0.0.0, so `go install` refuses it. A throw-away module that requires
# k8s.io/kubernetes and replaces each of those staging modules with its published twin (Kubernetes 1.X.Y is
# staging v0.X.Y) builds the same code. Cold on 2 cores: about 10-20 minutes and 3 GB of build cache.
set -euo pipefail

cache="${ETCD_BACKUP_CACHE:-$HOME/.cache/etcd-backup-action}/kubernetes"
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(1.37.2)
components=(kube-apiserver kube-controller-manager)
progress_every=30

say() { echo "install-kubernetes: $*"; }

cached() {
  local dir=$1 c
  for c in "${components[@]}"; do [ -x "$dir/$c" ] || return 1; done
}

# Runs `go build -v` in the background and prints, every $progress_every seconds, the time so far and the
# package Go compiled last, so a 15-minute build never looks hung.
build_with_progress() {
  local what=$1 log=$2
  shift 2
  local started=$SECONDS next=$progress_every
  "$@" >"$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS - started >= next)); then
      local elapsed=$((SECONDS - started)) last
      last=$(tail -n 1 "$log" 2>/dev/null || true)
      say "building $what: $((elapsed / 60))m$((elapsed % 60))s so far${last:+, compiling $last}"
      next=$((next + progress_every))
    fi
    sleep 1
  done
  if ! wait "$pid"; then
    tail -n 30 "$log" >&2
    say "building $what failed (the lines above are Go's)" >&2
    return 1
  fi
  say "built $what in $(((SECONDS - started) / 60))m$(((SECONDS - started) % 60))s"
}

# Prints the staging modules that k8s.io/kubernetes both replaces with a ./staging path and requires at v0.0.0.
staging_modules() {
  local gomod=$1
  go mod edit -json "$gomod" | node -e '
    let text = "";
    process.stdin.on("data", (d) => (text += d)).on("end", () => {
      const mod = JSON.parse(text);
      const placeholder = new Set((mod.Require || []).filter((r) => r.Version === "v0.0.0").map((r) => r.Path));
      for (const r of mod.Replace || []) {
        if (r.New.Path.startsWith("./staging/") && placeholder.has(r.Old.Path)) console.log(r.Old.Path);
      }
    });'
}

build_version() {
  local v=$1 dest=$2 work
  if ! [[ $v =~ ^1\.([0-9]+)\.([0-9]+)$ ]]; then
    say "'$v' is not a Kubernetes version like 1.37.2" >&2
    return 2
  fi
  local minor=${BASH_REMATCH[1]} staging_version="v0.${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"
  command -v go >/dev/null || { say "Kubernetes $v needs Go to build; install Go (1.26 or later)" >&2; return 1; }
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # the path is fixed now, on purpose
  trap "rm -rf '$work'" EXIT
  say "building Kubernetes $v (${components[*]}) from its Go modules: about 10-20 minutes cold, seconds when Go's caches are warm"
  (
    cd "$work"
    export GOTOOLCHAIN=local GOFLAGS=-mod=mod
    go mod init kubernetes-build >/dev/null 2>&1
    say "downloading k8s.io/kubernetes v$v"
    local gomod
    gomod=$(go mod download -json "k8s.io/kubernetes@v$v" | node -e '
      let t = ""; process.stdin.on("data", (d) => (t += d)).on("end", () => console.log(JSON.parse(t).GoMod));')
    local count=0 m
    for m in $(staging_modules "$gomod"); do
      go mod edit -replace "$m=$m@$staging_version"
      count=$((count + 1))
    done
    say "replacing $count staging modules with their published $staging_version twins"
    go mod edit -require "k8s.io/kubernetes@v$v"
    local packages=()
    for c in "${components[@]}"; do packages+=("k8s.io/kubernetes/cmd/$c@v$v"); done
    say "resolving modules (the first time this downloads about 80 MiB)"
    go get "${packages[@]}" >get.log 2>&1 || { tail -n 30 get.log >&2; exit 1; }
    local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=v$v"
    ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
    ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
    mkdir -p out
    for c in "${components[@]}"; do
      build_with_progress "$c $v" "build-$c.log" \
        go build -v -trimpath -ldflags "$ldflags" -o "out/$c" "k8s.io/kubernetes/cmd/$c"
    done
    local reported
    reported=$(out/kube-apiserver --version)
    [ "$reported" = "Kubernetes v$v" ] || { say "the build reports '$reported', expected 'Kubernetes v$v'" >&2; exit 1; }
  )
  mkdir -p "$cache"
  rm -rf "$dest.partial" && mv "$work/out" "$dest.partial" && rm -rf "$dest" && mv "$dest.partial" "$dest"
  rm -rf "$work"
  trap - EXIT
}

for v in "${versions[@]}"; do
  dest="$cache/$v"
  if cached "$dest"; then
    say "Kubernetes $v cached in $dest"
    continue
  fi
  build_version "$v" "$dest"
  say "Kubernetes $v installed in $dest"
done
