#!/bin/bash
# Becomes a sandbox node. Runs as pid 1 of the node's own PID namespace, inside its network namespace and fresh
# mount and UTS namespaces (ip netns exec + unshare): sets the hostname, lays overlayfs over the directories a
# node writes to (the upper layers live in the node's state directory, so the host's own files stay
# untouched), then runs the kubelet-like supervisor and stays as init: it reaps orphans (sshd daemonizes) and
# passes SIGTERM on. When it exits, the kernel kills everything left in the node.
#
# usage: node-boot.sh NODE_STATE_DIR HOSTNAME ETCD_CACHE_DIR PROGRAM [ARGS...]
set -euo pipefail
state=$1
name=$2
etcd_cache=$3
shift 3
hostname -- "$name"
ip link set lo up
# The etcd builds live under the host's /root, which the node does not see: the supervisor finds them here.
if [[ -d $etcd_cache ]]; then
  mount --bind -- "$etcd_cache" "$state/etcd-cache"
  mount -o remount,bind,ro -- "$state/etcd-cache"
fi
for dir in etc usr var/lib var/log home run; do
  mkdir -p -- "$state/upper/$dir" "$state/work/$dir"
  mount -t overlay "sandbox-$name" -o "lowerdir=/$dir,upperdir=$state/upper/$dir,workdir=$state/work/$dir" "/$dir"
done
# root's home is a fresh one, as on a new node: the host's dotfiles (and whatever they run) stay out.
mount --bind -- "$state/root-home" /root
# A /tmp of its own, as a real node has: what a backup leaves there is this node's, not another sandbox's.
mkdir -p -- "$state/tmp"
chmod 1777 -- "$state/tmp"
mount --bind -- "$state/tmp" /tmp
"$@" &
supervisor=$!
trap 'kill -TERM "$supervisor" 2>/dev/null || true' TERM INT
while kill -0 "$supervisor" 2>/dev/null; do
  wait "$supervisor" || true
done
