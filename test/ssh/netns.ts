import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runner → bastion → target, in two network namespaces: the runner (host namespace) has a link to the
 * bastion only, the bastion has a link to the target, and the bastion does not route. So the target is
 * reachable only through an SSH hop on the bastion. Addresses come from 198.18.0.0/15 (benchmarking range).
 */
export interface JumpTopology {
  bastionNs: string;
  targetNs: string;
  /** The bastion's address on the runner's link. */
  bastionAddress: string;
  /** The target's address on the bastion's link; the runner has no route to it. */
  targetAddress: string;
  destroy(): Promise<void>;
}

export async function createJumpTopology(): Promise<JumpTopology> {
  const id = `${process.pid % 10000}${randomInt(100, 1000)}`;
  const bastionNs = `ebk-b${id}`;
  const targetNs = `ebk-t${id}`;
  const a = randomInt(0, 256);
  const b = randomInt(0, 64) * 4;
  const bastionAddress = `198.18.${a}.${b + 2}`;
  const targetAddress = `198.19.${a}.${b + 2}`;
  const ip = (...args: string[]) => run('ip', args);
  const created: string[] = [];
  const destroy = async () => {
    for (const ns of created.reverse()) await ip('netns', 'del', ns).catch(() => {});
    await ip('link', 'del', `ebkh${id}`).catch(() => {});
  };
  try {
    await ip('netns', 'add', bastionNs);
    created.push(bastionNs);
    await ip('netns', 'add', targetNs);
    created.push(targetNs);
    await ip('link', 'add', `ebkh${id}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', bastionNs);
    await ip('addr', 'add', `198.18.${a}.${b + 1}/30`, 'dev', `ebkh${id}`);
    await ip('link', 'set', `ebkh${id}`, 'up');
    await ip('-n', bastionNs, 'addr', 'add', `${bastionAddress}/30`, 'dev', 'eth0');
    await ip('-n', bastionNs, 'link', 'set', 'eth0', 'up');
    await ip('-n', bastionNs, 'link', 'set', 'lo', 'up');
    await ip(
      '-n',
      bastionNs,
      'link',
      'add',
      'eth1',
      'type',
      'veth',
      'peer',
      'name',
      'eth0',
      'netns',
      targetNs,
    );
    await ip('-n', bastionNs, 'addr', 'add', `198.19.${a}.${b + 1}/30`, 'dev', 'eth1');
    await ip('-n', bastionNs, 'link', 'set', 'eth1', 'up');
    await ip('-n', targetNs, 'addr', 'add', `${targetAddress}/30`, 'dev', 'eth0');
    await ip('-n', targetNs, 'link', 'set', 'eth0', 'up');
    await ip('-n', targetNs, 'link', 'set', 'lo', 'up');
  } catch (error) {
    await destroy();
    throw error;
  }
  return { bastionNs, targetNs, bastionAddress, targetAddress, destroy };
}
