import { config, memoizer } from "zod/mini";
import en from "zod/v4/locales/en.js";

/**
 * The zod flavour of every contract and function: `zod/mini`, classic zod's core and parse semantics as plain
 * functions esbuild drops when unused (a smaller Lambda bundle, less to build at a cold start). Mini has no
 * messages of its own ("Invalid input"): the English ones are set here, before any schema is built or parsed,
 * since every module that builds one imports this. The memoizer is the one classic installs by itself: with it
 * a recursive schema (Lex slots) reads an object with cycles or shared parts as before, not to a stack overflow.
 * Import it as `import * as z from ".../contracts/zod.js"` (a namespace import: esbuild keeps only what is named).
 */
config({ ...en(), memoizer: memoizer() });

export * from "zod/mini";
