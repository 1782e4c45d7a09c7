// The shape of one `chuyende` sub-command. Each lives in src/cli/commands/<name>.ts
// and is listed once in src/cli/commands/index.ts.

/** Parsed command line: positional arguments and `--flag value` / `--flag` options. */
export interface ParsedArgs {
  positional: string[];
  /** Option name without dashes → value (true for a bare flag). `-o` is stored as `o`. */
  options: Record<string, string | boolean>;
}

/** Where a command writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  /** Today's local date as YYYY-MM-DD unless --ngay says otherwise. */
  now: () => Date;
}

export interface Command {
  name: string;
  /** One-line Vietnamese summary for `chuyende --help`. */
  summary: string;
  /** Usage line, optional parts in brackets, e.g. "chuyende kiem-tra FILE.xlsx [--nam Y] [--ngay dd/mm/yyyy] [--json]". */
  usage: string;
  /** Two or three real command lines for `--help`, each with what it does. */
  examples: ReadonlyArray<{ command: string; does: string }>;
  /** Options that take a value (others are flags). */
  valueOptions: string[];
  /** Returns the exit code: 0 ok, 1 error findings, 2 unusable input or arguments.
   *  Throw a UserError (src/core/shared/types.ts) for bad input: main prints `Lỗi: …` and exits 2. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
