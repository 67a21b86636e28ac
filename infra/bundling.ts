import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { type BuildOptions, buildSync, type Metafile } from "esbuild";

/**
 * The one description of how a Baton Lambda is bundled. BatonFunction's asset (infra/constructs/
 * baton-function.ts) and bench/bundles.ts both build through `bundleFunction`, so the measured bundle is the
 * deployed one.
 */
export const LAMBDA_BUNDLE = {
  /** Node.js 22 on Lambda. */
  target: "node22",
  platform: "node",
  format: "esm",
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  /** Prefer the ESM build of dependencies, so tree shaking works. */
  mainFields: ["module", "main"],
  /**
   * ESM output has no `require`; a few CommonJS dependencies still call it for Node built-ins. The banner
   * gives every output file (index.mjs and each chunk: a module scope each) one.
   */
  banner:
    "import { createRequire as __batonCreateRequire } from 'module';const require = __batonCreateRequire(import.meta.url);",
  /**
   * The AWS SDK v3 clients come with the Node.js 22 runtime: bundling them would add about 400 KB to every
   * function (and to its cold start). The runtime's SDK is newer than any API Baton calls (Converse,
   * PutEvents, TransactWriteItems, StartOutboundVoiceContact, Scheduler). @aws-sdk/util-dynamodb is bundled:
   * its ES modules have no dependencies and cost well under a millisecond to parse, where the runtime's
   * CommonJS copy goes through Node's CommonJS export scan at every start.
   */
  external: ["@aws-sdk/client-*"],
} as const;

/** The Lambda handler setting: `handler` exported by the entry file `index.mjs`. */
export const LAMBDA_HANDLER = "index.handler";

/**
 * Files a function reads beside its bundle at start, by function name (paths in the repository). The turn
 * reader's weights are a binary file read as typed arrays, not JavaScript to parse (models/turn-reader.ts).
 */
export const FILES_BESIDE_BUNDLE: Readonly<Record<string, readonly string[]>> = {
  "conversation-turn": [
    "models/turn-reader.bin",
    "models/spelling.txt",
    "models/sentence-breaks.bin",
    "models/category-values.json",
  ],
};

/**
 * esbuild's form of LAMBDA_BUNDLE for one handler written into `outdir`: the entry as `index.mjs`, and code
 * splitting, so what the handler imports dynamically (the tracer when tracing is on, functions/handlers/
 * tracing.ts) lands in chunks beside it that a cold start without it never reads.
 */
export function esbuildOptions(entry: string, outdir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: [entry],
    outdir,
    entryNames: "index",
    chunkNames: "[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    target: LAMBDA_BUNDLE.target,
    platform: LAMBDA_BUNDLE.platform,
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourcemap,
    sourcesContent: LAMBDA_BUNDLE.sourcesContent,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: { js: LAMBDA_BUNDLE.banner },
    external: [...LAMBDA_BUNDLE.external],
    metafile: true,
    logLevel: "silent",
  };
}

/** A built function folder: which JavaScript files every start loads and which only a dynamic import does. */
export interface FunctionBundle {
  /** `<outdir>/index.mjs`. */
  entry: string;
  /** index.mjs and the chunks it imports statically, transitively: what every cold start parses. */
  eager: string[];
  /** Chunks reached only through a dynamic import. */
  lazy: string[];
  /** The files copied beside index.mjs (FILES_BESIDE_BUNDLE), as written. */
  beside: string[];
}

/**
 * Builds one handler as BatonFunction deploys it: the bundle, its chunks and source maps, and the files the
 * function reads beside it. Synchronous, because CDK's local bundling is. Any esbuild error throws.
 */
export function bundleFunction(options: {
  name: string;
  entry: string;
  outdir: string;
  repoRoot: string;
}): FunctionBundle {
  const { metafile } = buildSync({
    ...esbuildOptions(options.entry, options.outdir),
    absWorkingDir: options.repoRoot,
  });
  const beside = (FILES_BESIDE_BUNDLE[options.name] ?? []).map((file) => {
    const target = join(options.outdir, basename(file));
    mkdirSync(options.outdir, { recursive: true });
    copyFileSync(join(options.repoRoot, file), target);
    return target;
  });
  return { ...splitByLoading(metafile, options.repoRoot, options.outdir), beside };
}

/** Follows the metafile's imports from index.mjs: static ones are eager, the rest only dynamic ones reach. */
function splitByLoading(
  metafile: Metafile,
  workingDir: string,
  outdir: string,
): Omit<FunctionBundle, "beside"> {
  const entryKey = relative(workingDir, join(outdir, "index.mjs"));
  if (!metafile.outputs[entryKey]) throw new Error(`esbuild wrote no ${entryKey}`);
  const reached = (roots: string[], kinds: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      if (seen.has(key)) continue;
      seen.add(key);
      for (const imported of metafile.outputs[key]?.imports ?? []) {
        if (!imported.external && kinds.has(imported.kind)) queue.push(imported.path);
      }
    }
    return seen;
  };
  const eager = reached([entryKey], new Set(["import-statement"]));
  const all = reached([entryKey], new Set(["import-statement", "dynamic-import"]));
  const absolute = (key: string) => resolve(workingDir, key);
  return {
    entry: absolute(entryKey),
    eager: [...eager].map(absolute),
    lazy: [...all].filter((key) => !eager.has(key)).map(absolute),
  };
}

/** Sum of the files' sizes in bytes. */
export function totalBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

/** Environment every Baton function gets: Node source maps and Powertools defaults. */
export function runtimeEnvironment(serviceName: string): Record<string, string> {
  return {
    NODE_OPTIONS: "--enable-source-maps",
    POWERTOOLS_SERVICE_NAME: serviceName,
    POWERTOOLS_METRICS_NAMESPACE: "Baton",
    POWERTOOLS_LOG_LEVEL: "INFO",
    POWERTOOLS_LOGGER_LOG_EVENT: "false",
    POWERTOOLS_TRACER_CAPTURE_RESPONSE: "false",
  };
}
