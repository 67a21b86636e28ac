import { buildApp } from "./baton-app.js";
import { BatonConfigError } from "./config.js";

/** `npx cdk synth|deploy` runs this (cdk.json "app"). A bad context value stops it with one line. */
try {
  buildApp().app.synth();
} catch (error) {
  if (!(error instanceof BatonConfigError)) throw error;
  console.error(`Baton configuration: ${error.message}`);
  process.exit(1);
}
