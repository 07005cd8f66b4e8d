import { InputError } from '../../errors';
import { EXIT } from '../../exit-codes';
import { isOn, oneOf, read, switchOption, textOption } from '../../options';
import { diffLiveKeys } from '../../snapshot/diff';
import { SNAPSHOT_EXIT } from '../../snapshot/errors';
import { buildInventory } from '../../snapshot/inventory';
import { formatDiff, formatInventory, formatReport, reportJson } from '../../snapshot/print';
import { exitCodeOf, verdictOf, verdictReason } from '../../snapshot/verdict';
import { analyseSnapshot } from '../../snapshot/verify';
import { formatProgress } from '../../util/progress';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';

const INSPECT = {
  json: jsonOption('one JSON object on stdout'),
  inventory: switchOption('inventory', {
    flag: 'inventory',
    help: 'count live Kubernetes objects by resource type and namespace',
  }),
  diff: textOption('diff', {
    flag: 'diff',
    arg: 'OTHER',
    help: 'what changed from FILE to OTHER, by resource type and namespace',
  }),
  names: switchOption('names', { flag: 'names', help: 'include object names (never printed otherwise)' }),
  etcdCompat: textOption('etcdCompat', {
    flag: 'etcd-compat',
    arg: 'V',
    help: 'status semantics of etcd V (default: 3.6 if the snapshot has a storage version)',
    parse: oneOf(['3.4', '3.5', '3.6'] as const),
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

export const inspect = defineCommand(
  {
    name: 'inspect',
    usage: [
      'FILE [--json] [--inventory] [--diff OTHER] [--names] [--etcd-compat 3.4|3.5|3.6] [--prefix /registry]',
    ],
    about: `Verifies an etcd snapshot without any etcd tool: the SHA-256 trailer, both bbolt meta pages, every page of
every bucket, and prints what \`etcdutl snapshot status\` would (hash, revision, totalKey, totalSize, version).`,
    exitCodes: [
      [EXIT.done, 'intact'] as const,
      [EXIT.badInput, 'bad usage, or a file that cannot be read'] as const,
      [EXIT.verificationFailed, 'damaged (the reason names the page and offset)'] as const,
      [EXIT.refused, 'no integrity trailer (a raw member/snap/db copy)'] as const,
    ],
    positionals: 1,
    sections: [{ options: Object.values(INSPECT) }],
  },
  async ({ values, positionals }) => {
    if (positionals.length !== 1)
      throw new InputError('FILE', 'exactly one snapshot file', {
        hint: `usage: etcd-backup ${inspect.spec.usage[0]}`,
      });
    const etcdCompat = read(values, INSPECT.etcdCompat);
    const prefix = read(values, INSPECT.prefix);
    const path = positionals[0]!;
    const names = isOn(values, INSPECT.names);
    const diffWith = read(values, INSPECT.diff);
    const wantInventory = isOn(values, INSPECT.inventory);

    const { report, liveKeys } = await analyseSnapshot(path, {
      etcdCompat,
      liveKeys: wantInventory || diffWith !== undefined ? 'detailed' : false,
      onProgress: (r) => console.error(formatProgress(r)),
    });
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
      const other = await analyseSnapshot(diffWith, { etcdCompat, liveKeys: 'detailed' });
      if (other.liveKeys) {
        const diff = diffLiveKeys(liveKeys, other.liveKeys, { prefix, names });
        extra.diff = { other: reportJson(other.report), ...diff };
        human.push(formatDiff(diff, path, diffWith));
      } else {
        extra.diff = { other: reportJson(other.report) };
        human.push(formatReport(other.report));
      }
      if (verdictOf(other.report) === 'damaged') {
        code = SNAPSHOT_EXIT.damaged;
        failure = verdictReason(other.report);
      }
    } else if (diffWith !== undefined) {
      extra.diff = null;
    }
    console.log(isOn(values, INSPECT.json) ? JSON.stringify(reportJson(report, extra)) : human.join('\n\n'));
    if (failure) console.error(`etcd-backup inspect: ${failure}`);
    return code;
  },
);
