import { describe, expect, it } from 'vitest';
import { matchingNodeTool, type NodeTool } from '../../src/restore/node-tools';

const utl = (version: string, path = '/usr/local/bin/etcdutl'): NodeTool => ({
  path,
  kind: 'etcdutl',
  version,
});
const ctl = (version: string, path = '/usr/bin/etcdctl'): NodeTool => ({ path, kind: 'etcdctl', version });

describe('which tool on a node can restore a snapshot', () => {
  it('takes etcdutl of the snapshot major.minor, whatever the patch, before any etcdctl', () => {
    expect(matchingNodeTool([ctl('3.5.21'), utl('3.5.17')], '3.5.21', true)).toEqual({ tool: utl('3.5.17') });
    expect(matchingNodeTool([utl('3.6.6')], '3.6.1', true)).toEqual({ tool: utl('3.6.6') });
    // A kubeadm 1.37 node: etcd 3.7.0 in the cluster, etcdutl 3.7.3 installed by the operator.
    expect(matchingNodeTool([ctl('3.7.3'), utl('3.7.3')], '3.7.0', true)).toEqual({ tool: utl('3.7.3') });
    expect(matchingNodeTool([utl('3.6.6')], '3.7.0', true)).toEqual({
      why: 'it has etcdutl 3.6.6, not etcdutl 3.7.x',
    });
  });

  it("never takes a 3.5+ etcdctl (its restore is deprecated and cannot bump), but takes 3.4's etcdctl", () => {
    expect(matchingNodeTool([ctl('3.5.21')], '3.5.21', false)).toEqual({
      why: 'it has etcdctl 3.5.21, not etcdutl 3.5.x',
    });
    expect(matchingNodeTool([ctl('3.4.27')], '3.4.23', true)).toEqual({ tool: ctl('3.4.27') });
  });

  it('skips a tool that cannot bump the revision when a bump is wanted, and says so', () => {
    expect(matchingNodeTool([ctl('3.4.23')], '3.4.23', true)).toEqual({
      why: 'etcdctl 3.4.23 there cannot bump the revision',
    });
    expect(matchingNodeTool([ctl('3.4.23')], '3.4.23', false)).toEqual({ tool: ctl('3.4.23') });
    expect(matchingNodeTool([utl('3.5.9'), utl('3.5.21', '/opt/bin/etcdutl')], '3.5.9', true)).toEqual({
      tool: utl('3.5.21', '/opt/bin/etcdutl'),
    });
  });

  it('names what the node has when nothing fits, or that it has nothing', () => {
    expect(matchingNodeTool([utl('3.6.6'), ctl('3.4.23')], '3.5.21', true)).toEqual({
      why: 'it has etcdutl 3.6.6, etcdctl 3.4.23, not etcdutl 3.5.x',
    });
    expect(matchingNodeTool([], '3.4.23', true)).toEqual({
      why: 'it has no etcdutl or etcdctl on root PATH or in /usr/local/bin, /usr/bin, /opt',
    });
    expect(matchingNodeTool([utl('3.5.21')], '3.4.23', false)).toEqual({
      why: 'it has etcdutl 3.5.21, not etcdutl 3.4.x or etcdctl 3.4.x',
    });
  });
});
