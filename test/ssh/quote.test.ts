import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { classifyConnectError } from '../../src/ssh/connect';
import { buildCommand, quoteArg } from '../../src/ssh/quote';

describe('quoting argv for a remote shell', () => {
  it('leaves plain words alone and single-quotes everything else', () => {
    expect(quoteArg('/etc/kubernetes/pki/etcd/ca.crt')).toBe('/etc/kubernetes/pki/etcd/ca.crt');
    expect(quoteArg('')).toBe("''");
    expect(quoteArg("it's")).toBe(`'it'\\''s'`);
    expect(quoteArg('$(reboot)')).toBe("'$(reboot)'");
  });

  it('round-trips hostile arguments through real POSIX shells', () => {
    const args = ['; rm -rf /', '$(id)', '`id`', 'a\nb', `'"\\`, '', '*', 'ü ☃', '-e', '$1 $@'];
    for (const shell of ['sh', 'bash']) {
      const out = execFileSync(shell, ['-c', buildCommand(['printf', '%s\\0', ...args])]);
      expect(out.toString().split('\0').slice(0, -1)).toEqual(args);
    }
  });

  it('refuses a NUL byte, which no argv can carry', () => {
    expect(() => quoteArg('a\0b')).toThrow(/NUL/);
  });
});

describe('classifying connection failures', () => {
  const endpoint = { host: 'cp1.example', privateKey: 'k', password: undefined };
  it('tells DNS failures, refused connections and handshake timeouts apart', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND cp1.example'), { code: 'ENOTFOUND' });
    expect(classifyConnectError(dns, endpoint, 'u@cp1.example:22', 1000).message).toBe(
      "ssh u@cp1.example:22: cannot resolve host name 'cp1.example'",
    );
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      level: 'client-socket',
    });
    expect(classifyConnectError(refused, endpoint, 't', 1000).kind).toBe('unreachable');
    const noRoute = Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' });
    expect(classifyConnectError(noRoute, endpoint, 't', 1000).message).toContain('no route to host');
    const slow = Object.assign(new Error('Timed out while waiting for handshake'), {
      level: 'client-timeout',
    });
    expect(classifyConnectError(slow, endpoint, 't', 1000).kind).toBe('connect-timeout');
    const auth = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(classifyConnectError(auth, endpoint, 't', 1000).kind).toBe('auth-failed');
  });
});
