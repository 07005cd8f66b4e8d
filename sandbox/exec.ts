import { spawn } from 'node:child_process';
import { SandboxError } from './errors';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs a program with an argv (never through a shell) and collects its output. */
export function run(
  file: string,
  args: readonly string[],
  options: {
    input?: string | Buffer;
    env?: NodeJS.ProcessEnv;
    allowFailure?: boolean;
    timeoutMs?: number;
  } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      timeout: options.timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new SandboxError(`cannot run ${file}: ${e.message}`, { cause: e })));
    child.on('close', (code, signal) => {
      const result = {
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        code: code ?? (signal ? 128 : 1),
      };
      if (result.code !== 0 && !options.allowFailure) {
        const why = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-1)[0] ?? '';
        reject(
          new SandboxError(
            `${[file, ...args].join(' ')} failed (exit ${result.code}${signal ? `, ${signal}` : ''}): ${why}`,
          ),
        );
      } else {
        resolve(result);
      }
    });
    child.stdin.end(options.input);
  });
}
