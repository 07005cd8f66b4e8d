import { EtcdBackupError } from '../../errors';

export async function run(): Promise<void> {
  throw new EtcdBackupError('the restore action is not implemented yet', { hint: 'use the CLI for now' });
}
