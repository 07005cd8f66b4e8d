// The snapshot module's public face: verify a file (or a stream), count what Kubernetes keeps in it, and
// compare two of them. Results are plain objects; printing lives in print.ts.
//
// What "verified" means here, beyond etcd's `snapshot status`: the SHA-256 trailer matches the database part;
// the size is exactly meta pgid × page size (+ 32 for the trailer); both meta pages are checked and the valid
// newest is used; every page reached from the root (branch, leaf, overflow, inline buckets, nested buckets)
// is in bounds, of the right type, carries its own id, is reached once, and keeps keys in order. Pages not
// reached: with a persisted freelist they must be listed in it (and nothing reached may be); without one
// (etcd on Linux) bbolt defines them as free, so only the trailer can vouch for their bytes.
//
// Typical use: `assertIntact((await analyseSnapshot(path)).report, reject)` before a restore; `SnapshotTrailerCheck` piped into
// a download to know the bytes arrived as etcd sent them; `diffSnapshots(a, b)` after a drill.
export { type DiffGroup, type DiffOptions, diffLiveKeys, diffSnapshots, type SnapshotDiff } from './diff';
export { SNAPSHOT_EXIT, SnapshotError } from './errors';
export { buildInventory, type Inventory, type InventoryOptions, inventorySnapshot } from './inventory';
export type { Problem, ProblemKind } from './problem';
export type { EtcdCompat, PageCounts, SnapshotReport } from './report';
export {
  hasTrailerBySize,
  SnapshotTrailerCheck,
  type StreamTrailerResult,
  type TrailerVerdict,
} from './trailer';
export { assertIntact, exitCodeOf, type Verdict, verdictOf, verdictReason } from './verdict';
export { analyseSnapshot, type SnapshotAnalysis, type VerifyOptions, verifySnapshot } from './verify';
