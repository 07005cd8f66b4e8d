// The snapshot module's public face: verify a file (or a stream), count what Kubernetes keeps in it, and
// compare two of them. Results are plain objects; printing lives in print.ts.
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
