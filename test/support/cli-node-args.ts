import type { SandboxNodeInfo } from '../../sandbox/index';

/** The CLI options that reach a sandbox node as root, its host key pinned. */
export function cliNodeArgs(node: SandboxNodeInfo): string[] {
  return [
    '--host',
    `${node.host}:${node.port}`,
    '--key',
    node.users.root.privateKeyPath,
    '--fingerprint',
    node.hostKeyFingerprint,
  ];
}
