import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

/**
 * The subset of etcd's v3 API this project calls, written out from etcd's api/etcdserverpb/rpc.proto field
 * numbers. Kept in-source (not a .proto file) so the ncc bundles need no assets. Fields a server does not know
 * (e.g. StatusResponse.storageVersion on 3.4) simply stay at their defaults.
 */
const ETCD_PROTO = `
syntax = "proto3";
package etcdserverpb;

message ResponseHeader { uint64 cluster_id = 1; uint64 member_id = 2; int64 revision = 3; uint64 raft_term = 4; }
message KeyValue { bytes key = 1; int64 create_revision = 2; int64 mod_revision = 3; int64 version = 4; bytes value = 5; int64 lease = 6; }

message RangeRequest {
  bytes key = 1; bytes range_end = 2; int64 limit = 3; int64 revision = 4; int32 sort_order = 5; int32 sort_target = 6;
  bool serializable = 7; bool keys_only = 8; bool count_only = 9;
}
message RangeResponse { ResponseHeader header = 1; repeated KeyValue kvs = 2; bool more = 3; int64 count = 4; }
message PutRequest { bytes key = 1; bytes value = 2; int64 lease = 3; bool prev_kv = 4; }
message PutResponse { ResponseHeader header = 1; }
message DeleteRangeRequest { bytes key = 1; bytes range_end = 2; bool prev_kv = 3; }
message DeleteRangeResponse { ResponseHeader header = 1; int64 deleted = 2; }
message RequestOp { oneof request { RangeRequest request_range = 1; PutRequest request_put = 2; DeleteRangeRequest request_delete_range = 3; } }
message ResponseOp { oneof response { RangeResponse response_range = 1; PutResponse response_put = 2; DeleteRangeResponse response_delete_range = 3; } }
message TxnRequest { repeated RequestOp success = 2; repeated RequestOp failure = 3; }
message TxnResponse { ResponseHeader header = 1; bool succeeded = 2; repeated ResponseOp responses = 3; }
message CompactionRequest { int64 revision = 1; bool physical = 2; }
message CompactionResponse { ResponseHeader header = 1; }
service KV {
  rpc Range(RangeRequest) returns (RangeResponse);
  rpc Put(PutRequest) returns (PutResponse);
  rpc DeleteRange(DeleteRangeRequest) returns (DeleteRangeResponse);
  rpc Txn(TxnRequest) returns (TxnResponse);
  rpc Compact(CompactionRequest) returns (CompactionResponse);
}

message LeaseGrantRequest { int64 TTL = 1; int64 ID = 2; }
message LeaseGrantResponse { ResponseHeader header = 1; int64 ID = 2; int64 TTL = 3; string error = 4; }
service Lease { rpc LeaseGrant(LeaseGrantRequest) returns (LeaseGrantResponse); }

message Member { uint64 ID = 1; string name = 2; repeated string peerURLs = 3; repeated string clientURLs = 4; bool isLearner = 5; }
message MemberListRequest { bool linearizable = 1; }
message MemberListResponse { ResponseHeader header = 1; repeated Member members = 2; }
message MemberAddRequest { repeated string peerURLs = 1; bool isLearner = 2; }
message MemberAddResponse { ResponseHeader header = 1; Member member = 2; repeated Member members = 3; }
message MemberRemoveRequest { uint64 ID = 1; }
message MemberRemoveResponse { ResponseHeader header = 1; repeated Member members = 2; }
message MemberPromoteRequest { uint64 ID = 1; }
message MemberPromoteResponse { ResponseHeader header = 1; repeated Member members = 2; }
service Cluster {
  rpc MemberList(MemberListRequest) returns (MemberListResponse);
  rpc MemberAdd(MemberAddRequest) returns (MemberAddResponse);
  rpc MemberRemove(MemberRemoveRequest) returns (MemberRemoveResponse);
  rpc MemberPromote(MemberPromoteRequest) returns (MemberPromoteResponse);
}

message AlarmRequest { int32 action = 1; uint64 memberID = 2; int32 alarm = 3; }
message AlarmMember { uint64 memberID = 1; int32 alarm = 2; }
message AlarmResponse { ResponseHeader header = 1; repeated AlarmMember alarms = 2; }
message StatusRequest {}
message StatusResponse {
  ResponseHeader header = 1; string version = 2; int64 dbSize = 3; uint64 leader = 4; uint64 raftIndex = 5;
  uint64 raftTerm = 6; uint64 raftAppliedIndex = 7; repeated string errors = 8; int64 dbSizeInUse = 9;
  bool isLearner = 10; string storageVersion = 11;
}
message DefragmentRequest {}
message DefragmentResponse { ResponseHeader header = 1; }
message HashKVRequest { int64 revision = 1; }
message HashKVResponse { ResponseHeader header = 1; uint32 hash = 2; int64 compact_revision = 3; }
message SnapshotRequest {}
message SnapshotResponse { ResponseHeader header = 1; uint64 remaining_bytes = 2; bytes blob = 3; string version = 4; }
service Maintenance {
  rpc Alarm(AlarmRequest) returns (AlarmResponse);
  rpc Status(StatusRequest) returns (StatusResponse);
  rpc Defragment(DefragmentRequest) returns (DefragmentResponse);
  rpc HashKV(HashKVRequest) returns (HashKVResponse);
  rpc Snapshot(SnapshotRequest) returns (stream SnapshotResponse);
}

message Permission { int32 permType = 1; bytes key = 2; bytes range_end = 3; }
message AuthUserAddRequest { string name = 1; string password = 2; }
message AuthUserAddResponse { ResponseHeader header = 1; }
message AuthRoleAddRequest { string name = 1; }
message AuthRoleAddResponse { ResponseHeader header = 1; }
message AuthRoleGrantPermissionRequest { string name = 1; Permission perm = 2; }
message AuthRoleGrantPermissionResponse { ResponseHeader header = 1; }
message AuthUserGrantRoleRequest { string user = 1; string role = 2; }
message AuthUserGrantRoleResponse { ResponseHeader header = 1; }
service Auth {
  rpc UserAdd(AuthUserAddRequest) returns (AuthUserAddResponse);
  rpc RoleAdd(AuthRoleAddRequest) returns (AuthRoleAddResponse);
  rpc RoleGrantPermission(AuthRoleGrantPermissionRequest) returns (AuthRoleGrantPermissionResponse);
  rpc UserGrantRole(AuthUserGrantRoleRequest) returns (AuthUserGrantRoleResponse);
}
`;

export type ServiceConstructor = grpc.ServiceClientConstructor;

export interface EtcdServices {
  KV: ServiceConstructor;
  Lease: ServiceConstructor;
  Cluster: ServiceConstructor;
  Maintenance: ServiceConstructor;
  Auth: ServiceConstructor;
}

let loaded: EtcdServices | undefined;

export function etcdServices(): EtcdServices {
  if (!loaded) {
    const root = protobuf.parse(ETCD_PROTO, { keepCase: true }).root;
    const definition = protoLoader.fromJSON(root.toJSON(), {
      keepCase: true,
      longs: String,
      enums: Number,
      bytes: Buffer,
      defaults: true,
      oneofs: true,
    });
    const pkg = grpc.loadPackageDefinition(definition).etcdserverpb as unknown as EtcdServices;
    loaded = pkg;
  }
  return loaded;
}
