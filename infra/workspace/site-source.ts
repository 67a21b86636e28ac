import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { AssetHashType, DockerImage } from "aws-cdk-lib";
import { type ISource, Source } from "aws-cdk-lib/aws-s3-deployment";

/**
 * The agent workspace app as a deployment source: at synth, `write-site.ts` builds `web/` the way the
 * local server does (esbuild, in this Node process's toolchain, never Docker) into the asset folder. The
 * asset is named by its output, so an unchanged app is not uploaded again. Tests that skip bundling
 * (`aws:cdk:bundling-stacks: []`) get a placeholder, as NodejsFunction does.
 */
export function workspaceSiteSource(repoRoot: string): ISource {
  const script = resolve(repoRoot, "infra/workspace/write-site.ts");
  return Source.asset(resolve(repoRoot, "web"), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only used when local bundling fails; the local esbuild always runs where `npm ci` ran.
      image: DockerImage.fromRegistry("public.ecr.aws/docker/library/node:22-slim"),
      local: {
        tryBundle(outputDir: string): boolean {
          execFileSync(process.execPath, ["--import", "tsx", script, outputDir], {
            cwd: repoRoot,
            stdio: ["ignore", "inherit", "inherit"],
          });
          return true;
        },
      },
    },
  });
}
