import { type CliCommandSpec, helpText, type OptionValues, parseCommandLine } from '../options';

export interface Command {
  /** Returns the process exit code; throws EtcdBackupError for failures the user can act on. */
  run(argv: string[]): Promise<number>;
}

export interface CommandInput {
  values: OptionValues;
  positionals: string[];
}

/** A verb: its options and help come from `spec`; `--help` is answered before `run` sees anything. */
export function defineCommand(
  spec: CliCommandSpec,
  run: (input: CommandInput) => Promise<number>,
): Command & { spec: CliCommandSpec } {
  return {
    spec,
    async run(argv) {
      const { values, positionals, help } = parseCommandLine(argv, spec);
      if (help) {
        console.log(helpText(spec));
        return 0;
      }
      return run({ values, positionals });
    },
  };
}
