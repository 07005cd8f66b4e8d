import { EtcdBackupError } from '../src/errors';

/** Anything that keeps the sandbox from coming up or going down. */
export class SandboxError extends EtcdBackupError {}
