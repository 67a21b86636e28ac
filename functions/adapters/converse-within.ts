import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";
import * as z from "../../contracts/zod.js";

/**
 * A zod schema as the JSON document a Converse tool's `inputSchema` takes; `$schema` is dropped because
 * not every model accepts it.
 */
export function toolInputDocument(schema: z.ZodMiniType): z.core.util.JSONType {
  const { $schema: _dialect, ...document } = z.toJSONSchema(schema);
  // JSON by construction: checking it with z.json() cost every cold start about 2 ms.
  return document as z.core.util.JSONType;
}

export type ConverseOutcome = { ok: true; output: ConverseCommandOutput } | { ok: false; reason: string };

/**
 * One Bedrock Converse call bounded by a deadline: past it the call is aborted and the outcome says
 * "timeout". Never throws; a failure names its reason.
 */
export async function converseWithin(
  client: BedrockRuntimeClient,
  input: ConverseCommandInput,
  deadlineMs: number,
): Promise<ConverseOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ConverseOutcome>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, reason: "timeout" });
      controller.abort();
    }, deadlineMs);
  });
  // Settles either way, so an answer that arrives after the deadline is not an unhandled rejection.
  const call = client.send(new ConverseCommand(input), { abortSignal: controller.signal }).then(
    (output): ConverseOutcome => ({ ok: true, output }),
    (error: unknown): ConverseOutcome => ({ ok: false, reason: failureReason(error) }),
  );
  try {
    return await Promise.race([call, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function failureReason(error: unknown): string {
  const name = error instanceof Error ? error.name : "UnknownError";
  if (name === "ThrottlingException") return "throttled";
  if (name === "ModelTimeoutException") return "model_timeout";
  return `sdk_error:${name}`;
}
