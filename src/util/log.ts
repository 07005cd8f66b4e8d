/** Where progress and warnings go: stderr for the CLI, @actions/core in the actions. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: (m) => {
    if (process.env.ETCD_BACKUP_DEBUG) process.stderr.write(`debug: ${m}\n`);
  },
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, debug: () => {} };
