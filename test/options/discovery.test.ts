import { describe, expect, it } from 'vitest';
import { backup } from '../../src/cli/commands/backup';
import { InputError } from '../../src/errors';
import { actionInputs, discoveryFrom, parseCommandLine } from '../../src/options';

/** The overrides the backup command reads from these options, given as on a command line. */
function discoveryOverridesFrom(given: Record<string, string>) {
  const argv = Object.entries(given).flatMap(([flag, value]) => [`--${flag}`, value]);
  return discoveryFrom(parseCommandLine(argv, backup.spec, {}).values);
}

describe('the discovery overrides', () => {
  it('takes each option that was given, and leaves out the empty ones', () => {
    expect(
      discoveryOverridesFrom({
        'etcd-endpoint': 'https://10.0.0.1:2379',
        'etcd-ca-file': '/etc/kubernetes/pki/etcd/ca.crt',
        'etcd-data-dir': '',
      }),
    ).toEqual({ clientUrl: 'https://10.0.0.1:2379', caFile: '/etc/kubernetes/pki/etcd/ca.crt' });
  });

  it.each([
    [{ 'etcd-endpoint': 'ftp://10.0.0.1' }, "input '--etcd-endpoint': expected an https:// or http:// URL"],
    [{ 'etcd-ca-file': 'pki/ca.crt' }, "input '--etcd-ca-file': expected an absolute path on the node"],
    [{ 'static-pod-path': 'manifests' }, "input '--static-pod-path': expected an absolute path on the node"],
    [{ 'etcd-cert-file': '/pki/client.crt' }, "input '--etcd-key-file': expected a value too"],
  ])('refuses %o before connecting, naming the option as it is typed', (values, start) => {
    let thrown: unknown;
    try {
      discoveryOverridesFrom(values);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message.startsWith(start)).toBe(true);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('names the same mistake as action.yml spells the input, in an action', () => {
    process.env.INPUT_ETCD_CA_FILE = 'pki/ca.crt';
    try {
      expect(() => discoveryFrom(actionInputs())).toThrow(
        "input 'etcd_ca_file': expected an absolute path on the node",
      );
    } finally {
      delete process.env.INPUT_ETCD_CA_FILE;
    }
  });
});
