import { join } from "node:path";
import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { BuildOptions } from "esbuild";

/**
 * The one description of how a Baton Lambda is bundled. BatonFunction hands it to NodejsFunction (which
 * runs the local esbuild, never Docker) and bench/bundles.ts hands it to esbuild directly, so the measured
 * bundle is the deployed one.
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
   * gives the module one (the documented NodejsFunction recipe for ESM).
   */
  banner:
    "import { createRequire as __batonCreateRequire } from 'module';const require = __batonCreateRequire(import.meta.url);",
  /**
   * The AWS SDK v3 comes with the Node.js 22 runtime: bundling it would add about 400 KB to every function
   * (and to its cold start). The runtime's SDK is newer than any API Baton calls (Converse, PutEvents,
   * TransactWriteItems, StartOutboundVoiceContact, Scheduler).
   */
  external: ["@aws-sdk/*"],
} as const;

/**
 * Files a function reads beside its bundle at start, by function name (paths in the repository). The turn
 * reader's weights are a binary file read as typed arrays, not JavaScript to parse (models/turn-reader.ts).
 */
export const FILES_BESIDE_BUNDLE: Readonly<Record<string, readonly string[]>> = {
  "conversation-turn": ["models/turn-reader.bin", "models/spelling.json"],
};

/** NodejsFunction's form of LAMBDA_BUNDLE; `besideBundle` files (repository paths) are copied next to index.mjs. */
export function nodejsBundling(besideBundle: readonly string[] = []): BundlingOptions {
  return {
    target: LAMBDA_BUNDLE.target,
    format: OutputFormat.ESM,
    minify: LAMBDA_BUNDLE.minify,
    sourceMap: LAMBDA_BUNDLE.sourcemap,
    sourcesContent: LAMBDA_BUNDLE.sourcesContent,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: LAMBDA_BUNDLE.banner,
    externalModules: [...LAMBDA_BUNDLE.external],
    forceDockerBundling: false,
    ...(besideBundle.length > 0
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) =>
              besideBundle.map((file) => `cp ${shellQuoted(join(inputDir, file))} ${shellQuoted(outputDir)}`),
          },
        }
      : {}),
  };
}

function shellQuoted(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}

/** esbuild's form of LAMBDA_BUNDLE, for one entry point written to `outfile` (`.mjs`). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
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
    logLevel: "silent",
  };
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
