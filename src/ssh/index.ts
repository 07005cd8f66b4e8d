export { discardChannel } from './channel';
export { type ConnectOptions, connect, type SshEndpoint, targetName } from './connect';
export * from './errors';
export {
  fingerprintOf,
  type HostKeyPolicy,
  knownHostsName,
  normalizeFingerprint,
  parseKnownHosts,
} from './host-keys';
export { RemoteLockBusyError, type RemoteLockOptions, withRemoteLock } from './lock';
export { buildCommand, quoteArg } from './quote';
export { type ExecOptions, type ExecResult, type ExecStream, SshSession } from './session';
export type { SudoMode } from './sudo';
export type { Tunnel } from './tunnel';
