import { InputError } from '../../errors';
import { EXIT } from '../../exit-codes';
import {
  ENVELOPE,
  isOn,
  type OptionValues,
  oneOf,
  openingKeysFrom,
  read,
  STORE,
  selectorFrom,
  storeFrom,
  switchOption,
  textOption,
} from '../../options';
import { diffLiveKeys } from '../../snapshot/diff';
import { SNAPSHOT_EXIT } from '../../snapshot/errors';
import { buildInventory } from '../../snapshot/inventory';
import { formatDiff, formatInventory, formatReport, reportJson } from '../../snapshot/print';
import { exitCodeOf, verdictOf, verdictReason } from '../../snapshot/verdict';
import { analyseSnapshot } from '../../snapshot/verify';
import { stderrLogger } from '../../util/log';
import { formatProgress } from '../../util/progress';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';
import { openStoredSnapshot, refuseSealedFile } from '../stored-snapshot';

const INSPECT = {
  json: jsonOption('one JSON object on stdout'),
  inventory: switchOption('inventory', {
    flag: 'inventory',
    help: 'count live Kubernetes objects by resource type and namespace',
  }),
  diff: textOption('diff', {
    flag: 'diff',
    arg: 'OTHER',
    help: 'what changed from FILE to OTHER, by resource type and namespace (with --store: another\nbackup of that store)',
  }),
  names: switchOption('names', { flag: 'names', help: 'include object names (never printed otherwise)' }),
  etcdCompat: textOption('etcdCompat', {
    flag: 'etcd-compat',
    arg: 'V',
    help: "status semantics of etcd V (default: the snapshot's storage version's, else 3.5)",
    parse: oneOf(['3.4', '3.5', '3.6', '3.7'] as const),
  }),
  prefix: textOption('prefix', {
    flag: 'prefix',
    arg: 'P',
    help: 'kube-apiserver --etcd-prefix (default /registry)',
    parse: (text, name) => {
      const prefix = text.replace(/\/+$/, '');
      if (!prefix.startsWith('/')) throw new InputError(name, 'a key prefix starting with /');
      return prefix;
    },
  }),
};

/** A snapshot to read: a local file, or a stored backup opened in memory. */
interface Source {
  path: string;
  label: string;
  close(): void;
}

/** FILE as given, or with --store the backup NAME (latest, a name or a time) opened in memory. */
async function openSource(values: OptionValues, ref: string | undefined): Promise<Source> {
  if (read(values, STORE.store) === undefined) {
    if (ref === undefined)
      throw new InputError('FILE', 'a snapshot file, or --store S and a backup', {
        hint: `usage: etcd-backup inspect ${USAGE[0]}`,
      });
    refuseSealedFile(ref);
    return { path: ref, label: ref, close: () => {} };
  }
  const cluster = read(values, STORE.cluster);
  const opened = await openStoredSnapshot({
    store: storeFrom(values, { writes: false }),
    selector: selectorFrom(values, ref ?? 'latest'),
    ...(cluster ? { cluster } : {}),
    keys: openingKeysFrom(values),
    log: stderrLogger,
  });
  return { path: opened.path, label: opened.label, close: opened.close };
}

const USAGE = [
  'FILE [--json] [--inventory] [--diff OTHER] [--names] [--etcd-compat 3.4|3.5|3.6|3.7] [--prefix /registry]',
  '--store S [--identity FILE] [options] [latest|NAME|ISO-TIME]',
];

export const inspect = defineCommand(
  {
    name: 'inspect',
    usage: USAGE,
    about: `Verifies an etcd snapshot without any etcd tool: the SHA-256 trailer, both bbolt meta pages, every page of
every bucket, and prints what \`etcdutl snapshot status\` would (hash, revision, totalKey, totalSize, version).
With --store it opens a stored backup (decrypting and decompressing it in memory, never on disk) and
reports on the snapshot inside. totalKey counts every revision of every key, as etcd does; the inventory
counts the live keys (the latest revision of each, not deleted), as a drill does.`,
    exitCodes: [
      [EXIT.done, 'intact'] as const,
      EXIT.failed,
      [
        EXIT.badInput,
        'bad usage, or a file that cannot be read (or is a sealed backup: use --store)',
      ] as const,
      [EXIT.verificationFailed, 'damaged (the reason names the page and offset)'] as const,
      [EXIT.refused, 'no integrity trailer (a raw member/snap/db copy)'] as const,
    ],
    positionals: 1,
    sections: [
      { options: Object.values(INSPECT) },
      {
        title: 'Stored backups',
        options: [
          STORE.store,
          STORE.repository,
          STORE.githubToken,
          STORE.runId,
          STORE.cluster,
          ENVELOPE.identity,
          ENVELOPE.passphrase,
        ],
      },
    ],
  },
  async ({ values, positionals }) => {
    const etcdCompat = read(values, INSPECT.etcdCompat);
    const prefix = read(values, INSPECT.prefix);
    const names = isOn(values, INSPECT.names);
    const diffWith = read(values, INSPECT.diff);
    const wantInventory = isOn(values, INSPECT.inventory);

    const primary = await openSource(values, positionals[0]);
    let other: Source | undefined;
    try {
      const { report, liveKeys } = await analyseSnapshot(primary.path, {
        etcdCompat,
        liveKeys: wantInventory || diffWith !== undefined ? 'detailed' : false,
        onProgress: (r) => console.error(formatProgress(r)),
      });
      report.path = primary.label;
      const extra: Record<string, unknown> = {};
      const human: string[] = [formatReport(report)];
      if (wantInventory && liveKeys) {
        const inventory = buildInventory(liveKeys, { prefix, names });
        extra.inventory = inventory;
        human.push(formatInventory(inventory));
      } else if (wantInventory) {
        extra.inventory = null; // the tree is damaged: no count would be trustworthy
      }
      let code = exitCodeOf(report);
      let failure: string | undefined = verdictOf(report) === 'intact' ? undefined : verdictReason(report);
      if (diffWith !== undefined && liveKeys) {
        other = await openSource(values, diffWith);
        const theirs = await analyseSnapshot(other.path, { etcdCompat, liveKeys: 'detailed' });
        theirs.report.path = other.label;
        if (theirs.liveKeys) {
          const diff = diffLiveKeys(liveKeys, theirs.liveKeys, { prefix, names });
          extra.diff = { other: reportJson(theirs.report), ...diff };
          human.push(formatDiff(diff, primary.label, other.label));
        } else {
          extra.diff = { other: reportJson(theirs.report) };
          human.push(formatReport(theirs.report));
        }
        if (verdictOf(theirs.report) === 'damaged') {
          code = SNAPSHOT_EXIT.damaged;
          failure = verdictReason(theirs.report);
        }
      } else if (diffWith !== undefined) {
        extra.diff = null;
      }
      console.log(
        isOn(values, INSPECT.json) ? JSON.stringify(reportJson(report, extra)) : human.join('\n\n'),
      );
      if (failure) console.error(`etcd-backup inspect: ${failure}`);
      return code;
    } finally {
      primary.close();
      other?.close();
    }
  },
);
