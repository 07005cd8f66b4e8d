import { drill as runDrill } from '../../drill/drill';
import { EXIT } from '../../exit-codes';
import {
  ENVELOPE,
  ETCD_TOOLS,
  etcdToolsFrom,
  isOn,
  openingKeysFrom,
  RESTORE,
  read,
  STORE,
  selectorFrom,
  storeFrom,
} from '../../options';
import { stderrLogger } from '../../util/log';
import { defineCommand } from '../command';
import { jsonOption } from '../json-option';

const OUTPUT_JSON = jsonOption('the report as JSON on stdout');

export const drill = defineCommand(
  {
    name: 'drill',
    usage: [
      '--store S [--identity FILE] [--etcd-tools DIR | --download-etcd] [options] [latest|NAME|ISO-TIME]',
    ],
    about: `Proves a stored backup restores, without touching the cluster: fetches and verifies it, restores it with the
etcd tools into a scratch dir, boots a throw-away etcd on loopback, reads every key back and compares it with
the snapshot.`,
    exitCodes: [EXIT.done, EXIT.failed, EXIT.badInput, EXIT.verificationFailed, EXIT.drillFailed],
    positionals: 1,
    sections: [
      {
        title: 'Store',
        options: [STORE.store, STORE.repository, STORE.githubToken, STORE.runId, STORE.cluster],
      },
      { title: 'Keys', options: [ENVELOPE.identity, ENVELOPE.passphrase] },
      {
        title: 'etcd tools on this machine',
        options: [ETCD_TOOLS.dir, ETCD_TOOLS.download, ETCD_TOOLS.downloadUrl, RESTORE.allowVersionSkew],
      },
      { title: 'Output', options: [OUTPUT_JSON] },
    ],
  },
  async ({ values, positionals }) => {
    const selector = selectorFrom(values, positionals[0]);
    const keys = openingKeysFrom(values);
    const tools = etcdToolsFrom(values, stderrLogger);
    const cluster = read(values, STORE.cluster);
    const report = await runDrill({
      store: storeFrom(values, { writes: false }),
      selector,
      ...(cluster ? { cluster } : {}),
      keys,
      tools,
      allowVersionSkew: isOn(values, RESTORE.allowVersionSkew),
      log: stderrLogger,
    });
    if (isOn(values, OUTPUT_JSON)) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(
        `PASS ${report.backup}: ${report.restoredKeys} of ${report.expectedKeys} live keys restored with etcd ${report.toolsVersion}, revision ${report.restoredRevision}`,
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
);
