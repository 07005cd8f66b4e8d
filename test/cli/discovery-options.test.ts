import { describe, expect, it } from 'vitest';
import { discoveryOverridesFrom } from '../../src/cli/discovery-options';
import { InputError } from '../../src/errors';

describe('the CLI discovery overrides', () => {
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
});
