#!/bin/bash
# Becomes a sandbox node. Runs as pid 1 of the node's own PID namespace, inside its network namespace and fresh
# mount and UTS namespaces (ip netns exec + unshare): sets the hostname, lays overlayfs over the directories a
# node writes to (the upper layers live in the node's state directory, so the host's own files stay
# untouched), then runs the kubelet-like supervisor and stays as init: it reaps orphans (sshd daemonizes) and
# passes SIGTERM on. When it exits, the kernel kills everything left in the node.
#
# usage: node-boot.sh NODE_STATE_DIR HOSTNAME PROGRAM [ARGS...]
set -euo pipefail
state=$1
name=$2
shift 2
hostname -- "$name"
ip link set lo up
for dir in etc usr var/lib home root; do
  mkdir -p -- "$state/upper/$dir" "$state/work/$dir"
  mount -t overlay "sandbox-$name" -o "lowerdir=/$dir,upperdir=$state/upper/$dir,workdir=$state/work/$dir" "/$dir"
done
"$@" &
supervisor=$!
trap 'kill -TERM "$supervisor" 2>/dev/null || true' TERM INT
while kill -0 "$supervisor" 2>/dev/null; do
  wait "$supervisor" || true
done
