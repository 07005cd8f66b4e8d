import * as core from '@actions/core';
import type { DrillReport } from '../drill/drill';
import type { BackupMetadata } from '../format';
import { describeControlPlaneFiles } from '../format/control-plane-files';
import type { RecoverReport } from '../restore/recover';
import type { RestoreReport } from '../restore/restore';
import { formatBytes, formatDuration } from '../util/progress';

/** The job summary pages: what happened, in a table a person can read at a glance on the run's page. */

type Row = Array<string | { data: string; header: true }>;

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function header(...cells: string[]): Row {
  return cells.map((data) => ({ data, header: true }));
}

function rows(pairs: Array<[string, string]>): Row[] {
  return [header('What', 'Value'), ...pairs.map(([k, v]) => [html(k), html(v)])];
}

export function throughput(bytes: number, ms: number): string {
  return ms > 0 ? `${formatBytes(Math.round((bytes * 1000) / ms))}/s` : '–';
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : formatDuration(ms / 1000);
}

function byTypeTable(counts: Array<[string, number]>): Row[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [header('Type', 'Keys'), ...sorted.map(([type, n]) => [html(type), String(n)])];
}

export async function writeBackupSummary(
  metadata: BackupMetadata,
  extras: { location: string; durationMs: number; url?: string; pruned?: string[] },
): Promise<void> {
  const snapshot = metadata.snapshot.size;
  const stored = metadata.envelope.blob.size;
  const summary = core.summary.addHeading(`etcd backup ${html(metadata.name)}`, 2).addTable(
    rows([
      ['Cluster', metadata.cluster],
      ['Member', memberOf(metadata)],
      ['etcd version', metadata.etcd.version],
      ['Revision', String(metadata.etcd.revision)],
      [
        'Keys (as etcdutl counts them)',
        metadata.etcd.totalKey === undefined ? '–' : String(metadata.etcd.totalKey),
      ],
      ['Size (raw snapshot)', formatBytes(snapshot)],
      [
        'Size (stored)',
        `${formatBytes(stored)} (${snapshot > 0 ? ((stored / snapshot) * 100).toFixed(0) : '–'}%)`,
      ],
      ['Encryption', describeEncryption(metadata)],
      ['Control-plane files', describeControlPlaneFiles(metadata.controlPlane)],
      ['Duration', seconds(extras.durationMs)],
      ['Throughput', throughput(snapshot, extras.durationMs)],
      ['Stored in', extras.location],
      ['Snapshot SHA-256', metadata.snapshot.sha256],
    ]),
  );
  if (extras.url) summary.addLink('Download the stored backup', extras.url);
  if (metadata.inventory) {
    summary
      .addHeading('Kubernetes objects by type', 3)
      .addTable(byTypeTable(Object.entries(metadata.inventory.byType)));
  }
  if (metadata.controlPlane) {
    summary
      .addHeading('Control-plane files (sealed with the snapshot)', 3)
      .addTable([
        header('Node', 'Path', 'Mode', 'Owner', 'SHA-256'),
        ...metadata.controlPlane.nodes.flatMap((n) =>
          n.files.map((f) =>
            [n.node, f.path, f.mode, `${f.owner}:${f.group}`, `${f.sha256.slice(0, 16)}…`].map(html),
          ),
        ),
      ]);
  }
  if (extras.pruned?.length) {
    summary.addHeading('Retention', 3).addList(extras.pruned.map((n) => `deleted ${html(n)}`));
  }
  await summary.write();
}

/** `etcd-1`, or `etcd-1 on node-a` when the node's name is not the member's. */
function memberOf(metadata: BackupMetadata): string {
  const name = metadata.member?.name ?? '?';
  return metadata.node && metadata.node !== name ? `${name} on ${metadata.node}` : name;
}

function describeEncryption(metadata: BackupMetadata): string {
  const e = metadata.envelope.encryption;
  if (e.kind === 'age-recipients') return `age, ${e.recipients.length} recipient(s)`;
  return e.kind === 'age-passphrase' ? 'age, passphrase' : 'none (plaintext)';
}

export async function writeDrillSummary(report: DrillReport, extras: { durationMs: number }): Promise<void> {
  const pass = report.verdict === 'pass';
  const summary = core.summary
    .addHeading(`${pass ? '✅' : '❌'} DR drill of ${html(report.backup)}: ${pass ? 'PASS' : 'FAIL'}`, 2)
    .addTable(
      rows([
        ['Cluster', report.cluster],
        ['etcd version (backup / drill tools)', `${report.backupEtcdVersion} / ${report.toolsVersion}`],
        ['Duration', seconds(extras.durationMs)],
        ...Object.entries(report.timingsMs).map(([phase, ms]): [string, string] => [
          `Time: ${phase}`,
          seconds(ms),
        ]),
      ]),
    )
    .addHeading('Restored compared with the backup', 3)
    .addTable([
      header('Check', 'Backup', 'Restored', 'OK'),
      [
        'Revision',
        String(report.revision),
        String(report.restoredRevision),
        report.revision === report.restoredRevision ? '✅' : '❌',
      ],
      [
        'Keys',
        String(report.expectedKeys),
        String(report.restoredKeys),
        report.expectedKeys === report.restoredKeys ? '✅' : '❌',
      ],
      ['Missing keys', '0', String(report.missing), report.missing === 0 ? '✅' : '❌'],
      ['Unexpected keys', '0', String(report.unexpected), report.unexpected === 0 ? '✅' : '❌'],
      ['Changed values', '0', String(report.changed), report.changed === 0 ? '✅' : '❌'],
    ]);
  if (report.reasons.length) summary.addList(report.reasons.map(escape));
  if (report.controlPlane) {
    const icon = { ok: '✅', expiring: '⚠️' } as Record<string, string>;
    summary
      .addHeading(
        `Certificates of the control-plane files (${html(report.controlPlane.nodes.join(', '))})`,
        3,
      )
      .addTable([
        header('Node', 'Certificate', 'Expires', 'Days left', 'State'),
        ...report.controlPlane.certificates.map((c) => [
          html(c.node),
          html(c.source),
          html(c.notAfter ?? '–'),
          c.daysLeft === undefined ? '–' : String(c.daysLeft),
          `${icon[c.state] ?? '❌'} ${html(c.state)}`,
        ]),
      ]);
  }
  summary
    .addHeading('Kubernetes objects by type', 3)
    .addTable(byTypeTable(report.inventory.resources.map((r) => [r.resource, r.count])));
  await summary.write();
}

export async function writeRestoreSummary(
  report: RestoreReport,
  extras: { durationMs: number },
): Promise<void> {
  const title = report.dryRun
    ? `Dry run of restoring ${html(report.backup)}: nothing changed`
    : `✅ Restored ${html(report.backup)}`;
  const summary = core.summary.addHeading(title, 2).addTable(
    rows([
      ['Backup', report.backup],
      ['Mode', report.mode],
      [
        'snapshot restore ran on',
        `${report.restoredOn === 'node' ? 'the nodes' : 'the runner'}: ${report.restoredOnReason}; ${formatBytes(report.bytesShipped)} shipped`,
      ],
      ['Duration', seconds(extras.durationMs)],
      ['Revision in the backup', String(report.snapshotRevision)],
      ['Revision bump', String(report.bump)],
      [
        'Revision after the restore',
        report.restoredRevision === undefined ? '–' : String(report.restoredRevision),
      ],
    ]),
  );
  summary
    .addHeading('Members', 3)
    .addTable([
      header('Member', 'Node', 'Data dir', 'Old data kept at'),
      ...report.members.map((m) => [
        html(m.name),
        html(m.node),
        html(m.dataDir),
        html(m.oldDataKeptAt ?? '–'),
      ]),
    ]);
  if (report.keys) {
    const k = report.keys;
    summary
      .addHeading('Restored compared with the backup', 3)
      .addTable([
        header('Check', 'Backup', 'Cluster now', 'OK'),
        ['Keys', String(k.expected), String(k.restored), k.expected === k.restored ? '✅' : '❌'],
        ['Missing keys', '0', String(k.missing), k.missing === 0 ? '✅' : '❌'],
        ['Unexpected keys', '0', String(k.unexpected), k.unexpected === 0 ? '✅' : '❌'],
        ['Changed values', '0', String(k.changed), k.changed === 0 ? '✅' : '❌'],
      ]);
  }
  if (report.warnings.length) summary.addHeading('Warnings', 3).addList(report.warnings.map(escape));
  await summary.write();
}

/** A failed drill or restore is written up too: the page says what failed before the log does. */
export async function writeFailureSummary(what: string, message: string): Promise<void> {
  await core.summary
    .addHeading(`❌ ${html(what)} failed`, 2)
    .addRaw(`<p>${html(message)}</p>`)
    .write();
}

export async function writeRecoverySummary(report: RecoverReport): Promise<void> {
  const text =
    report.backup === undefined
      ? 'No unfinished restore on these nodes: nothing to recover.'
      : `The restore of ${report.backup} that was cut short is rolled back on ${report.recovered.join(', ')}: the old data dirs and manifests are back, etcd and kube-apiserver run on them. The restored data that had been swapped in is kept aside as <data dir>.failed-restore-<time>.`;
  await core.summary
    .addHeading('↩️ etcd restore recovery', 2)
    .addRaw(`<p>${html(text)}</p>`)
    .write();
}
