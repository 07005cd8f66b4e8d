export async function main(argv: string[]): Promise<number> {
  console.log('etcd-backup', argv.join(' '));
  return 0;
}
