import { describe, expect, it } from 'vitest';
import { classifyKey, readKubernetesValue } from '../../src/snapshot/kubernetes';
import { normalizeStorageVersion } from '../../src/snapshot/semver';
import { encryptedObject, jsonObject, protobufObject } from './k8s-values';

describe('classifyKey', () => {
  it.each([
    ['/registry/pods/default/web', 'pods', 'default', 'web'],
    ['/registry/namespaces/default', 'namespaces', undefined, 'default'],
    ['/registry/minions/node-1', 'nodes', undefined, 'node-1'],
    ['/registry/controllers/default/rc', 'replicationcontrollers', 'default', 'rc'],
    ['/registry/services/specs/default/kubernetes', 'services', 'default', 'kubernetes'],
    ['/registry/services/endpoints/default/kubernetes', 'endpoints', 'default', 'kubernetes'],
    ['/registry/ingress/default/front', 'ingresses', 'default', 'front'],
    ['/registry/podsecuritypolicy/restricted', 'podsecuritypolicies', undefined, 'restricted'],
    [
      '/registry/apiextensions.k8s.io/customresourcedefinitions/widgets.example.com',
      'apiextensions.k8s.io/customresourcedefinitions',
      undefined,
      'widgets.example.com',
    ],
    ['/registry/example.com/widgets/team-a/w1', 'example.com/widgets', 'team-a', 'w1'],
    ['/registry/ranges/serviceips', 'ranges', undefined, 'serviceips'],
  ])('reads %s as %s in namespace %s', (key, resource, namespace, name) => {
    expect(classifyKey(key)).toEqual({ resource, namespace, name });
  });

  it('leaves keys outside the prefix to the caller, and honours another --etcd-prefix', () => {
    expect(classifyKey('compact_rev_key')).toBeUndefined();
    expect(classifyKey('/registryx/pods/a/b')).toBeUndefined();
    expect(classifyKey('/k8s/pods/a/b', '/k8s')).toEqual({ resource: 'pods', namespace: 'a', name: 'b' });
  });
});

describe('readKubernetesValue', () => {
  it('reads apiVersion and kind from the protobuf envelope', () => {
    expect(readKubernetesValue(protobufObject('apps/v1', 'Deployment', 'default', 'web'))).toEqual({
      encoding: 'protobuf',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      provider: undefined,
    });
  });

  it('reads apiVersion and kind from JSON', () => {
    expect(readKubernetesValue(jsonObject('example.com/v1', 'Widget', 'a', 'w'))).toMatchObject({
      encoding: 'json',
      apiVersion: 'example.com/v1',
      kind: 'Widget',
    });
  });

  it('names the provider of an encrypted value and reads nothing else', () => {
    for (const provider of ['aescbc', 'aesgcm', 'secretbox', 'kms'] as const) {
      expect(readKubernetesValue(encryptedObject(provider))).toEqual({
        encoding: 'encrypted',
        apiVersion: undefined,
        kind: undefined,
        provider,
      });
    }
  });

  it('calls CBOR, broken JSON and anything else by their encoding without throwing', () => {
    expect(readKubernetesValue(Buffer.from([0xd9, 0xd9, 0xf7, 0xa0])).encoding).toBe('cbor');
    expect(readKubernetesValue(Buffer.from('{"apiVersion": ')).encoding).toBe('other');
    expect(readKubernetesValue(Buffer.from('k8s\0\xff\xff', 'latin1')).encoding).toBe('protobuf');
    expect(readKubernetesValue(Buffer.alloc(0)).encoding).toBe('other');
  });
});

describe('normalizeStorageVersion', () => {
  it.each([
    ['3.6.0', '3.6.0'],
    ['3.7.0-alpha.1+build.5', '3.7.0-alpha.1+build.5'],
    ['03.6.00', '3.6.0'],
    ['3.6', ''],
    ['3.6.0.1', ''],
    ['', ''],
    ['3.6.0-bad_pre', ''],
  ])('prints %j as etcd 3.6 would: %j', (raw, printed) => {
    expect(normalizeStorageVersion(raw)).toBe(printed);
  });
});
