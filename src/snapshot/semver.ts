const IDENTIFIER = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INTEGER = /^[+-]?[0-9]+$/;

/**
 * The storage version as etcd 3.6 prints it: parsed and re-printed the way coreos/go-semver does
 * (`Major.Minor.Patch[-pre][+meta]`), or "" when it does not parse.
 */
export function normalizeStorageVersion(raw: string): string {
  let rest = raw;
  let metadata = '';
  let preRelease = '';
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    metadata = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
  }
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    preRelease = rest.slice(dash + 1);
    rest = rest.slice(0, dash);
  }
  const parts = rest.split('.');
  if (parts.length !== 3) return '';
  const numbers: bigint[] = [];
  for (const part of parts) {
    if (!INTEGER.test(part)) return '';
    const n = BigInt(part);
    if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) return '';
    numbers.push(n);
  }
  if (preRelease !== '' && !IDENTIFIER.test(preRelease)) return '';
  if (metadata !== '' && !IDENTIFIER.test(metadata)) return '';
  return `${numbers.join('.')}${preRelease ? `-${preRelease}` : ''}${metadata ? `+${metadata}` : ''}`;
}
