import { existsSync } from 'node:fs';
import { run } from './exec';

/**
 * Addresses and kernel object names of a sandbox, all derived from its slot S and a node's index N (1-3):
 * node IP 198.18.S.N/24 (RFC 2544 benchmarking range, never routed off this machine), host side of the bridge
 * 198.18.S.254, SSH forwarder on 127.0.S.N:22, network namespace ebs-S-N, bridge ebsbrS, veth ebsS-N.
 * Interface names stay within the kernel's 15 characters.
 */
export function nodeAddresses(slot: number, index: number) {
  return {
    ip: `198.18.${slot}.${index}`,
    host: `127.0.${slot}.${index}`,
    netns: `ebs-${slot}-${index}`,
    veth: `ebs${slot}-${index}`,
  };
}

export function bridgeName(slot: number): string {
  return `ebsbr${slot}`;
}

export function bridgeIp(slot: number): string {
  return `198.18.${slot}.254`;
}

/** Whether kernel objects of this slot exist (left over, or made by something else). */
export function slotHasNetwork(slot: number): boolean {
  if (existsSync(`/sys/class/net/${bridgeName(slot)}`)) return true;
  for (let i = 1; i <= 3; i++) {
    const a = nodeAddresses(slot, i);
    if (existsSync(`/run/netns/${a.netns}`) || existsSync(`/sys/class/net/${a.veth}`)) return true;
  }
  return false;
}

export async function createBridge(slot: number): Promise<void> {
  const br = bridgeName(slot);
  await run('ip', ['link', 'add', br, 'type', 'bridge']);
  await run('ip', ['addr', 'add', `${bridgeIp(slot)}/24`, 'dev', br]);
  await run('ip', ['link', 'set', br, 'up']);
}

export async function createNodeNetwork(slot: number, index: number): Promise<void> {
  const a = nodeAddresses(slot, index);
  await run('ip', ['netns', 'add', a.netns]);
  await run('ip', ['link', 'add', a.veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', a.netns]);
  await run('ip', ['link', 'set', a.veth, 'master', bridgeName(slot), 'up']);
  await run('ip', ['-n', a.netns, 'addr', 'add', `${a.ip}/24`, 'dev', 'eth0']);
  await run('ip', ['-n', a.netns, 'link', 'set', 'eth0', 'up']);
  await run('ip', ['-n', a.netns, 'link', 'set', 'lo', 'up']);
}

/** Pids of every process in a network namespace (all of them are the sandbox's own). */
export async function netnsPids(netns: string): Promise<number[]> {
  if (!existsSync(`/run/netns/${netns}`)) return [];
  const r = await run('ip', ['netns', 'pids', netns], { allowFailure: true });
  return r.stdout
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

export async function deleteNetwork(slot: number): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    const a = nodeAddresses(slot, i);
    // While a process of the node's own mount namespace is still exiting, that namespace holds a copy of the
    // netns mount and `ip netns del` fails (EBUSY): it is tried again until the namespace is gone.
    for (let attempt = 0; attempt < 50 && existsSync(`/run/netns/${a.netns}`); attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, 100));
      await run('ip', ['netns', 'del', a.netns], { allowFailure: true });
    }
    if (existsSync(`/sys/class/net/${a.veth}`))
      await run('ip', ['link', 'del', a.veth], { allowFailure: true });
  }
  if (existsSync(`/sys/class/net/${bridgeName(slot)}`)) {
    await run('ip', ['link', 'del', bridgeName(slot)], { allowFailure: true });
  }
}
