#!/bin/bash
# The sandbox's crictl: there is no container runtime here, so this lists and enters the containers the
# kubelet-like supervisor runs (it records each one as a line "name pid bin-dir pod" in a file named by its
# id). It covers what a careful operator uses on a kind node: `crictl ps [--name RE] [--state S] [-q]` and
# `crictl exec [-i] [-t] ID COMMAND...`, the latter with the image's own binaries (etcdctl) on PATH.
set -euo pipefail
cri_dir=__CRI_DIR__

usage() { echo "usage: crictl ps [--name REGEX] [--state Running] [-q] | crictl exec [-i] [-t] ID COMMAND..." >&2; exit 1; }

case "${1:-}" in
  ps)
    shift
    name='' quiet=0
    while [ $# -gt 0 ]; do
      case "$1" in
        --name) name=$2; shift 2 ;;
        --name=*) name=${1#--name=}; shift ;;
        --state) shift 2 ;;
        --state=*) shift ;;
        -q|--quiet) quiet=1; shift ;;
        *) usage ;;
      esac
    done
    [ "$quiet" = 1 ] || printf '%-16s %-20s %-8s %s\n' CONTAINER NAME STATE POD
    for file in "$cri_dir"/*; do
      [ -f "$file" ] || continue
      read -r cname pid _bin pod <"$file"
      kill -0 "$pid" 2>/dev/null || continue
      if [ -n "$name" ] && ! [[ $cname =~ $name ]]; then continue; fi
      id=$(basename "$file")
      if [ "$quiet" = 1 ]; then echo "$id"; else printf '%-16s %-20s %-8s %s\n' "${id:0:13}" "$cname" Running "$pod"; fi
    done
    ;;
  exec)
    shift
    while [ $# -gt 0 ]; do case "$1" in -i|-t|-it|-ti|--interactive|--tty) shift ;; *) break ;; esac; done
    [ $# -ge 2 ] || usage
    id=$1
    shift
    matches=("$cri_dir"/"$id"*)
    [ ${#matches[@]} -eq 1 ] && [ -f "${matches[0]}" ] || { echo "crictl: container $id not found" >&2; exit 1; }
    read -r _name pid bin _pod <"${matches[0]}"
    exec nsenter -t "$pid" -m -- env PATH="$bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "$@"
    ;;
  *) usage ;;
esac
