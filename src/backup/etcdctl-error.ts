import { EtcdBackupError } from '../errors';

/** The etcdctl way failed on the node: a program missing, the save or its packing. */
export class EtcdctlError extends EtcdBackupError {}
