import { InputError } from '../../errors';
import { diffLiveKeys } from '../../snapshot/diff';
import { SNAPSHOT_EXIT } from '../../snapshot/errors';
import { buildInventory } from '../../snapshot/inventory';
import { formatDiff, formatInventory, formatReport, reportJson } from '../../snapshot/print';
import type { EtcdCompat } from '../../snapshot/report';
import { exitCodeOf, verdictOf, verdictReason } from '../../snapshot/verdict';
import { analyseSnapshot } from '../../snapshot/verify';
import { formatProgress } from '../../util/progress';
import { type Command, parseCommandArgs } from '../command';

const HELP = `usage: etcd-backup inspect FILE [--json] [--inventory] [--diff OTHER] [--names]
                             [--etcd-compat 3.4|3.5|3.6|3.7] [--prefix /registry]

Verifies an etcd snapshot without any etcd tool: the SHA-256 trailer, both bbolt meta pages, every page of
every bucket, and prints what \`etcdutl snapshot status\` would (hash, revision, totalKey, totalSize, version).

  --json            one JSON object on stdout
  --inventory       count live Kubernetes objects by resource type and namespace
  --diff OTHER      what changed from FILE to OTHER, by resource type and namespace
  --names           include object names (never printed otherwise)
  --etcd-compat V   status semantics of etcd V (default: the snapshot's storage version's, else 3.5)
  --prefix P        kube-apiserver --etcd-prefix (default /registry)

exit codes: 0 intact, 3 damaged, 4 no integrity trailer (raw member/snap/db), 2 bad usage or unreadable file`;

const COMPAT: readonly string[] = ['3.4', '3.5', '3.6', '3.7'];

export const inspect: Command = {
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      json: { type: 'boolean' },
      inventory: { type: 'boolean' },
      diff: { type: 'string' },
      names: { type: 'boolean' },
      'etcd-compat': { type: 'string' },
      prefix: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    if (positionals.length !== 1)
      throw new InputError('FILE', 'exactly one snapshot file', { hint: HELP.split('\n')[0] });
    const compat = values['etcd-compat'];
    if (compat !== undefined && !COMPAT.includes(compat))
      throw new InputError('--etcd-compat', '3.4, 3.5, 3.6 or 3.7');
    const prefix = values.prefix?.replace(/\/+$/, '');
    if (prefix !== undefined && !prefix.startsWith('/'))
      throw new InputError('--prefix', 'a key prefix starting with /');
    const path = positionals[0]!;
    const etcdCompat = compat as EtcdCompat | undefined;
    const names = values.names ?? false;

    const { report, liveKeys } = await analyseSnapshot(path, {
      etcdCompat,
      liveKeys: values.inventory || values.diff !== undefined ? 'detailed' : false,
      onProgress: (r) => console.error(formatProgress(r)),
    });
    const extra: Record<string, unknown> = {};
    const human: string[] = [formatReport(report)];
    if (values.inventory && liveKeys) {
      const inventory = buildInventory(liveKeys, { prefix, names });
      extra.inventory = inventory;
      human.push(formatInventory(inventory));
    } else if (values.inventory) {
      extra.inventory = null; // the tree is damaged: no count would be trustworthy
    }
    let code = exitCodeOf(report);
    let failure: string | undefined = verdictOf(report) === 'intact' ? undefined : verdictReason(report);
    if (values.diff !== undefined && liveKeys) {
      const other = await analyseSnapshot(values.diff, { etcdCompat, liveKeys: 'detailed' });
      if (other.liveKeys) {
        const diff = diffLiveKeys(liveKeys, other.liveKeys, { prefix, names });
        extra.diff = { other: reportJson(other.report), ...diff };
        human.push(formatDiff(diff, path, values.diff));
      } else {
        extra.diff = { other: reportJson(other.report) };
        human.push(formatReport(other.report));
      }
      if (verdictOf(other.report) === 'damaged') {
        code = SNAPSHOT_EXIT.damaged;
        failure = verdictReason(other.report);
      }
    } else if (values.diff !== undefined) {
      extra.diff = null;
    }
    console.log(values.json ? JSON.stringify(reportJson(report, extra)) : human.join('\n\n'));
    if (failure) console.error(`etcd-backup inspect: ${failure}`);
    return code;
  },
};
