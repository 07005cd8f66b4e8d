import { drill as runDrill } from '../../drill/drill';
import { parseSelector } from '../../store/catalog';
import { STORE_HELP, STORE_OPTIONS, storeFromOptions } from '../../store/cli-options';
import { stderrLogger } from '../../util/log';
import { type Command, parseCommandArgs } from '../command';
import { etcdToolOptionSpec, etcdToolsFrom } from '../etcd-tool-options';
import { OPENING_KEYS_HELP, openingKeyOptionSpec, openingKeysFrom } from '../opening-keys';

const HELP = `usage: etcd-backup drill --store S [--identity FILE] [--etcd-tools DIR | --download-etcd] [--cluster C] [--json]
                          [latest|NAME|ISO-TIME]

Proves a stored backup restores, without touching the cluster: fetches and verifies it, restores it with the
etcd tools into a scratch dir, boots a throw-away etcd on loopback, reads every key back and compares it with
the snapshot. Exit 0 when everything came back; 5 when it did not.

${STORE_HELP}
${OPENING_KEYS_HELP}
  --etcd-tools DIR  folder with etcd and etcdutl (or etcdctl for 3.4) of the backup's version (default: PATH)
  --download-etcd   when PATH has no etcd tools of the backup's major.minor, download etcd's release of the
                    exact version, check it against its SHA256SUMS and keep it in the tool cache; off by default
  --etcd-download-url U  base URL of etcd's releases (default https://github.com/etcd-io/etcd/releases/download;
                    https, or http to loopback only)
  --allow-version-skew   restore with tools of another etcd minor version than the backup's
  --cluster C       only this cluster's backups
  --json            the report as JSON on stdout`;

export const drill: Command = {
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      ...STORE_OPTIONS,
      ...openingKeyOptionSpec,
      ...etcdToolOptionSpec,
      'allow-version-skew': { type: 'boolean' },
      cluster: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    const report = await runDrill({
      store: storeFromOptions(values),
      selector: parseSelector(positionals[0] ?? 'latest'),
      ...(values.cluster ? { cluster: values.cluster } : {}),
      keys: openingKeysFrom(values),
      tools: etcdToolsFrom(values),
      allowVersionSkew: values['allow-version-skew'] ?? false,
      log: stderrLogger,
    });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(
        `PASS ${report.backup}: ${report.restoredKeys} of ${report.expectedKeys} keys restored with etcd ${report.toolsVersion}, revision ${report.restoredRevision}`,
      );
      const files = report.controlPlane;
      if (files) {
        console.log(
          `control-plane files of ${files.nodes.join(', ')}: ${files.files} open, ${files.certificates.length} certificates chain to their CA and have not expired`,
        );
        for (const warning of files.warnings) console.log(`warning: certificate ${warning}`);
      }
    }
    return 0;
  },
};
