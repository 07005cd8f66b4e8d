import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEtcd } from '../../sandbox/etcd-binaries';
import { type Sandbox, sandboxSkipReason, startSandbox } from '../../sandbox/index';
import type { ActionName } from '../actions/runner';
import { declaredInputs, type InputDoc, runStepInProcess } from './action-step';
import { filesUnder } from './support';

const skip = sandboxSkipReason('3.5');
const tools = findEtcd('3.5');

// Canaries: a hostile value that a shell ever interpolated would create TAG files or remove KEEP.
const TAG = `faults-canary-${randomBytes(4).toString('hex')}`;
const CANARY = `/tmp/${TAG}`;
const KEEP = `/tmp/${TAG}-keep`;

/** Hostile values, each aimed at a different way an input could be misused. */
const HOSTILE: Array<[string, string]> = [
  [
    'shell metacharacters',
    `x; rm -rf ${KEEP}; touch ${CANARY}-semi | touch ${CANARY}-pipe && touch ${CANARY}-and`,
  ],
  ['command substitution', `$(touch ${CANARY}-subst)`],
  ['backticks', `\`touch ${CANARY}-tick\``],
  [
    'an absolute path with a command after it',
    `/etc/kubernetes/pki/etcd/ca.crt; touch ${CANARY}-path $(rm -rf ${KEEP})`,
  ],
  ['path traversal', `../../../../../../tmp/${TAG}-traversal`],
  ['a newline and a second command', `ok\ntouch ${CANARY}-newline\n`],
  ['unicode, bidi and invisible characters', 'ｃｌｕｓｔｅｒ\u202eevil\u200b☃\u2400%00'],
];

function wrongTypeFor(input: InputDoc): string {
  if (input.default === 'true' || input.default === 'false') return 'yes';
  if (/port|days|keep_last|run_id|bump_revision/.test(input.name)) return 'twenty-two';
  if (/timeout|max_age/.test(input.name)) return 'a month';
  return '[1, 2]';
}

/** The values every input gets: empty, a wrong type, oversized, and the hostile ones. */
function casesFor(input: InputDoc): Array<[string, string]> {
  return [
    ['empty', ''],
    ['a wrong type', wrongTypeFor(input)],
    ['64 KiB', 'a'.repeat(64 * 1024)],
    ...HOSTILE,
  ];
}

/**
 * An error caused by one input may name another that the value made necessary: a bastion needs a pin of its
 * own (proxy_host → proxy_fingerprint), a client certificate its key (etcd_cert_file ↔ etcd_key_file).
 */
const ALSO_NAMED: Record<string, string[]> = {
  proxy_host: ['proxy_fingerprint'],
  etcd_cert_file: ['etcd_key_file'],
  etcd_key_file: ['etcd_cert_file'],
};

function canariesFound(): string[] {
  return readdirSync('/tmp').filter((f) => f.startsWith(TAG) && `/tmp/${f}` !== KEEP);
}

describe.skipIf(skip !== undefined)(
  `every input of the three actions with empty, wrong-type, oversized and hostile values (etcd 3.5)${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let sandbox: Sandbox;
    let work: string;
    const base: Partial<Record<ActionName, Record<string, string>>> = {};
    const accepted: string[] = [];
    const refused: string[] = [];

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'action-inputs-'));
      mkdirSync(KEEP);
      writeFileSync(join(KEEP, 'still-here'), '');
      const identity = await generateIdentity();
      sandbox = await startSandbox({ etcd: '3.5' });
      const node = sandbox.node(0);
      // The node has a /tmp of its own: the same canary there shows a shell on the node removing it.
      await sandbox.runOnNode(node, ['sh', '-c', 'mkdir "$1" && touch "$1/still-here"', 'sh', KEEP]);
      const ssh = {
        host: node.host,
        port: String(node.port),
        username: 'root',
        key: readFileSync(node.users.root.privateKeyPath, 'utf8'),
        fingerprint: node.hostKeyFingerprint,
        timeout: '10s',
      };
      const emptyStore = `dir:${join(work, 'empty-store')}`;
      const toolsDir = 'missing' in tools ? '/nonexistent' : dirname(tools.etcd);
      base.backup = {
        ...ssh,
        store: `dir:${join(work, 'store')}`,
        age_recipients: await identityToRecipient(identity),
        cluster: 'inputs',
      };
      base.restore = {
        ...ssh,
        store: emptyStore,
        age_identity: identity,
        etcd_tools: toolsDir,
        dry_run: 'true',
      };
      base.drill = { store: emptyStore, age_identity: identity, etcd_tools: toolsDir };
    });
    afterAll(async () => {
      // Nothing anywhere a shell would have created, checked once more on the node itself.
      if (sandbox) {
        // The node's backups remove their folders while find walks /tmp: a folder gone between reading its
        // parent and opening it is not a finding (nor a failed suite).
        const found = await sandbox
          .runOnNode(
            sandbox.node(0),
            [
              'find',
              '/tmp',
              '/root',
              '/etc/kubernetes',
              '/var/lib/etcd',
              '-ignore_readdir_race',
              '-name',
              `${TAG}*`,
            ],
            { allowFailure: true },
          )
          .finally(() => sandbox?.stop());
        // This find still reports a folder removed before it could open it; anything else is a real failure.
        const complaints = found.stderr
          .split('\n')
          .filter((line) => line.trim() && !/No such file or directory$/.test(line));
        expect(complaints).toEqual([]);
        expect(found.stdout.trim().split('\n').filter(Boolean)).toEqual([KEEP]);
      }
      await rm(KEEP, { recursive: true, force: true });
      if (work) await rm(work, { recursive: true, force: true });
    });

    for (const action of ['backup', 'restore', 'drill'] as const) {
      describe(`the ${action} action`, () => {
        for (const input of declaredInputs(action)) {
          it(`${input.name}: rejects each bad value with one line naming it, or passes it on as plain data`, async () => {
            for (const [what, value] of casesFor(input)) {
              const label = `${action} ${input.name} = ${what}`;
              const jobDir = join(work, `${action}-${input.name}-${what.replace(/\W+/g, '-')}`);
              // Each case stores into its own folder, so two good backups in one second do not collide.
              const store: Record<string, string> =
                action === 'backup' ? { store: `dir:${join(jobDir, 'store')}` } : {};
              const step = await runStepInProcess(action, jobDir, {
                ...base[action],
                ...store,
                [input.name]: value,
              });
              const context = `${label}: ${step.errors.map((e) => e.slice(0, 300)).join(' | ')}`;

              expect(canariesFound(), context).toEqual([]);
              expect(existsSync(join(KEEP, 'still-here')), context).toBe(true);
              expect(filesUnder(join(jobDir, '_temp')), context).toEqual([]);
              if (!step.failed) {
                accepted.push(label);
                continue;
              }
              refused.push(`${label}: ${step.errors[0]?.slice(0, 200)}`);
              expect(step.errors, context).toHaveLength(1);
              const error = step.errors[0]!;
              // One line (the runner shows %0A as a line break), short, and no stack trace.
              expect(error, context).not.toMatch(/%0A|%0D/);
              expect(error.length, context).toBeLessThan(600);
              expect(error, context).not.toMatch(/\bat .*:\d+:\d+\)?$|node:internal/);
              const named = /^input '([^']+)'/.exec(error)?.[1];
              if (named !== undefined) {
                expect([input.name, ...(ALSO_NAMED[input.name] ?? [])], context).toContain(named);
                expect(error, context).toMatch(/^input '[^']+': expected \S/);
              }
              if (value !== '' && value.length < 100) {
                // A value quoted back is quoted on one line, with its newlines escaped.
                expect(error, context).not.toContain('\n');
              }
            }
          });
        }
      });
    }

    it('ran every action with every declared input (no input can be forgotten)', () => {
      for (const action of ['backup', 'restore', 'drill'] as const) {
        expect(declaredInputs(action).length).toBeGreaterThan(5);
      }
      // What got through validation is listed in the test output, for docs/RELIABILITY.md.
      console.log(`accepted as plain data:\n${accepted.join('\n')}\n\nrefused:\n${refused.join('\n')}`);
    });
  },
);
