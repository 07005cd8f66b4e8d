#!/bin/bash
# Runs one static-pod "container" in the private mount namespace unshare(1) gave it: each hostPath volume is
# bind-mounted at its mountPath; the node's /var/lib and /etc/kubernetes are otherwise hidden behind empty,
# read-only directories, like a container image's root, so a flag pointing at an unmounted path fails as it
# would in a real container. All paths arrive as separate arguments; nothing here is evaluated.
#
# usage: container.sh STAGE_DIR N [SRC DST TYPE READONLY]xN ARGV0 PROGRAM [ARGS...]
set -euo pipefail
stage=$1
n=$2
shift 2
dsts=()
readonly_flags=()
mkdir -p -- "$stage"
for ((i = 0; i < n; i++)); do
  src=$1 dst=$2 type=$3 ro=$4
  shift 4
  case $type in
  DirectoryOrCreate) [[ -e $src ]] || mkdir -p -m 0755 -- "$src" ;;
  FileOrCreate) [[ -e $src ]] || { mkdir -p -- "$(dirname -- "$src")" && : >"$src"; } ;;
  Directory) [[ -d $src ]] || { echo "hostPath type check failed: $src is not a directory" >&2; exit 1; } ;;
  File) [[ -f $src ]] || { echo "hostPath type check failed: $src is not a file" >&2; exit 1; } ;;
  *) ;;
  esac
  if [[ ! -e $src ]]; then
    echo "error mounting volume: hostPath $src does not exist" >&2
    exit 1
  fi
  if [[ -d $src ]]; then mkdir -p -- "$stage/$i"; else : >"$stage/$i"; fi
  mount --bind -- "$src" "$stage/$i"
  dsts+=("$dst")
  readonly_flags+=("$ro")
done
for hidden in /var/lib /etc/kubernetes; do
  mount -t tmpfs -o mode=0755 container-root "$hidden"
done
for ((i = 0; i < n; i++)); do
  dst=${dsts[i]}
  if [[ -d $stage/$i ]]; then
    mkdir -p -- "$dst"
  else
    mkdir -p -- "$(dirname -- "$dst")"
    [[ -e $dst ]] || : >"$dst"
  fi
  mount --bind -- "$stage/$i" "$dst"
  if [[ ${readonly_flags[i]} == true ]]; then mount -o remount,bind,ro -- "$dst"; fi
  umount -- "$stage/$i"
done
for hidden in /var/lib /etc/kubernetes; do
  mount -o remount,ro -- "$hidden"
done
argv0=$1
program=$2
shift 2
exec -a "$argv0" -- "$program" "$@"
