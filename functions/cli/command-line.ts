import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** What a command line asks for: help, a mistake to report with the usage, or the parsed arguments. */
export type CommandLine<T extends Options> =
  | { kind: "help" }
  | { kind: "mistake"; message: string }
  | {
      kind: "run";
      values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>["values"];
      positionals: string[];
    };

/**
 * Node's `parseArgs`, strict, with `--help` / `-h` understood and an unknown option or a missing value
 * returned as a mistake (not thrown with a stack trace).
 */
export function readCommandLine<T extends Options>(args: readonly string[], options: T): CommandLine<T> {
  if (args.includes("--help") || args.includes("-h")) return { kind: "help" };
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { kind: "run", values, positionals };
  } catch (error) {
    return { kind: "mistake", message: error instanceof Error ? error.message : String(error) };
  }
}

/** `readCommandLine` for a script: help goes to stdout (exit 0), a mistake to stderr with the usage (exit 2). */
export function commandLine<T extends Options>(
  args: readonly string[],
  options: T,
  usage: string,
): Extract<CommandLine<T>, { kind: "run" }> {
  const read = readCommandLine(args, options);
  if (read.kind === "run") return read;
  if (read.kind === "help") {
    console.log(usage);
    process.exit(0);
  }
  console.error(`${read.message}\n${usage}`);
  process.exit(2);
}
