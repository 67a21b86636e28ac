import { parseArgs } from "node:util";
import * as z from "zod";

export const DEFAULT_PORT = 4310;

const Options = z.object({
  port: z.coerce
    .number({ message: "--port needs a number" })
    .int("--port needs a whole number")
    .min(1, "--port must be 1 to 65535")
    .max(65_535, "--port must be 1 to 65535")
    .default(DEFAULT_PORT),
  dataDir: z.string().min(1).default(".local-data"),
  campaignsDir: z.string().min(1).default("campaigns"),
  demo: z.boolean().default(false),
  paceMs: z.coerce.number({ message: "--pace needs milliseconds" }).int().min(0).max(10_000).default(900),
  help: z.boolean().default(false),
});
export type StartOptions = z.infer<typeof Options>;

export const USAGE = `Usage: npm start [-- options]

  --port <n>        web server port on localhost (default ${DEFAULT_PORT})
  --data-dir <dir>  where DynamoDB Local, the desk and the bus files live (default .local-data)
  --campaigns <dir> the campaign files the console offers (default campaigns)
  --pace <ms>       pause between a persona's lines in the console (default 900)
  --demo            run every persona through the pipeline without a browser, print the outcomes, exit
  --help            this text`;

/** The command line, validated; a bad option is an error naming it. */
export function parseStartArgs(argv: readonly string[]): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      "data-dir": { type: "string" },
      campaigns: { type: "string" },
      pace: { type: "string" },
      demo: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = Options.safeParse({
    port: values.port,
    dataDir: values["data-dir"],
    campaignsDir: values.campaigns,
    paceMs: values.pace,
    demo: values.demo,
    help: values.help,
  });
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid options");
  return parsed.data;
}
