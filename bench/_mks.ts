import { writeFileSync, mkdirSync } from "node:fs";
import { bundleFunction } from "../infra/bundling.js";
mkdirSync("/work/main/node_modules/.cs/src", { recursive: true });
const clients = [["AppConfigDataClient","@aws-sdk/client-appconfigdata"],["BedrockRuntimeClient","@aws-sdk/client-bedrock-runtime"],["DynamoDBClient","@aws-sdk/client-dynamodb"],["EventBridgeClient","@aws-sdk/client-eventbridge"],["SQSClient","@aws-sdk/client-sqs"]];
writeFileSync("/work/main/node_modules/.cs/src/sdk-only.ts", clients.map(([c,m],i)=>`import { ${c} as C${i} } from "${m}";\nexport const c${i} = new C${i}({});`).join("\n"));
bundleFunction({ name: "sdk-only", entry: "/work/main/node_modules/.cs/src/sdk-only.ts", outdir: "/work/main/node_modules/.cs/sdk", repoRoot: "/work/main" });
