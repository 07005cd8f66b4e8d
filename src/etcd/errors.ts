import * as grpc from '@grpc/grpc-js';
import { EtcdBackupError } from '../errors';

export type EtcdFailure = 'unavailable' | 'timeout' | 'permission-denied' | 'failed';

/** An etcd call failed; `kind` lets callers branch without parsing the message. */
export class EtcdError extends EtcdBackupError {
  readonly kind: EtcdFailure;

  constructor(message: string, options: { hint?: string; kind?: EtcdFailure; cause?: unknown } = {}) {
    super(message, { hint: options.hint, cause: options.cause });
    this.kind = options.kind ?? 'failed';
  }
}

/** Turns a grpc-js error into one line that says which etcd call failed, where, and what to check. */
export function etcdErrorFrom(error: unknown, call: string, address: string): EtcdError {
  const e = error as grpc.ServiceError;
  const details = (e?.details || e?.message || String(error)).split('\n')[0];
  switch (e?.code) {
    case grpc.status.UNAVAILABLE:
      return new EtcdError(`etcd ${call} at ${address}: unavailable (${details})`, {
        hint: 'check that etcd is running and that the client URL and certificates are right',
        kind: 'unavailable',
        cause: error,
      });
    case grpc.status.DEADLINE_EXCEEDED:
      return new EtcdError(`etcd ${call} at ${address}: timed out`, {
        hint: 'etcd did not answer in time; check its health and load, or raise the timeout',
        kind: 'timeout',
        cause: error,
      });
    case grpc.status.UNAUTHENTICATED:
    case grpc.status.PERMISSION_DENIED:
      return new EtcdError(`etcd ${call} at ${address}: permission denied (${details})`, {
        hint: 'the client certificate is not accepted; use the healthcheck-client or apiserver-etcd-client pair',
        kind: 'permission-denied',
        cause: error,
      });
    default:
      return new EtcdError(`etcd ${call} at ${address}: ${details}`, { cause: error });
  }
}
