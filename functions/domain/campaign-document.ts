import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { Campaign } from "../../contracts/campaign.js";
import type * as z from "../../contracts/zod.js";

/** One problem in a campaign file: the field (dotted path), the line (1-based) when known, what is wrong. */
export interface CampaignProblem {
  field: string;
  line?: number;
  message: string;
}

export type CampaignReading = { ok: true; campaign: Campaign } | { ok: false; problems: CampaignProblem[] };

/**
 * The queues a deployment has (created or referenced), and where that list comes from: a campaign routed
 * to any other queue would hand calls to a queue no closer works, so it is refused.
 */
export interface DeploymentQueues {
  queues: ReadonlySet<string>;
  /** Where the list comes from, for the message ("the default campaign's routes and cdk.json's queues"). */
  source: string;
}

/**
 * Reads the text of a campaign file, JSON or YAML (YAML is a superset of JSON, so one parser gives line
 * numbers for both), and validates it against the contract. Every problem is reported, not only the first.
 */
/** The queues a deployment has: those its default campaign routes to, and those its `queues` context names. */
export function deploymentQueues(
  defaultCampaign: Campaign,
  declared: readonly string[],
  declaredIn: string,
): DeploymentQueues {
  return {
    queues: new Set([...Object.values(defaultCampaign.routes), ...declared]),
    source: `the default campaign's (${defaultCampaign.id}) routes and ${declaredIn}`,
  };
}

export function readCampaignText(
  text: string,
  format: "json" | "yaml",
  deployment?: DeploymentQueues,
): CampaignReading {
  const lines = new LineCounter();
  if (format === "json") {
    try {
      JSON.parse(text);
    } catch (error) {
      return { ok: false, problems: [jsonSyntaxProblem(text, error)] };
    }
  }
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        field: "(file)",
        line: lines.linePos(error.pos[0]).line,
        message: error.message.split("\n")[0] ?? "not valid YAML",
      })),
    };
  }
  const parsed = Campaign.safeParse(document.toJS());
  if (parsed.success) {
    const unknown = deployment ? unknownRoutes(parsed.data, deployment) : [];
    if (unknown.length === 0) return { ok: true, campaign: parsed.data };
    return {
      ok: false,
      problems: unknown.map((issue) => problemOf(issue, document.contents, lines)),
    };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => problemOf(issue, document.contents, lines)),
  };
}

export function formatOf(fileName: string): "json" | "yaml" | null {
  if (/\.json$/i.test(fileName)) return "json";
  if (/\.ya?ml$/i.test(fileName)) return "yaml";
  return null;
}

/** Each route to a queue the deployment does not have, as an issue on `routes.<trigger>`. */
function unknownRoutes(campaign: Campaign, { queues, source }: DeploymentQueues): z.core.$ZodIssue[] {
  const known = [...queues].sort().join(", ");
  return Object.entries(campaign.routes)
    .filter(([, queue]) => !queues.has(queue))
    .map(([trigger, queue]) => ({
      code: "custom",
      path: ["routes", trigger],
      input: queue,
      message: `queue "${queue}" is not one the deployment has (${source}: ${known})`,
    }));
}

function problemOf(issue: z.core.$ZodIssue, root: unknown, lines: LineCounter): CampaignProblem {
  const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  // An unknown key is pointed at the key itself, a missing one at the object that lacks it.
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const target = keys[0] === undefined ? path : [...path, keys[0]];
  const node = nearestNode(root, target);
  const offset = node?.range?.[0];
  const field = target.join(".") || "(root)";
  return {
    field,
    ...(offset === undefined ? {} : { line: lines.linePos(offset).line }),
    message: issue.message,
  };
}

/** The YAML node at `path`, or the nearest ancestor that exists. */
function nearestNode(root: unknown, path: ReadonlyArray<string | number>): Node | undefined {
  let node = root as Node | undefined;
  for (const [depth, key] of path.entries()) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value) === String(key),
      );
      // The last step points at the key: a wrong value is found by its name, on the same line.
      next = depth === path.length - 1 ? pair?.key : pair?.value;
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key];
    }
    if (!next) return node;
    node = next as Node;
  }
  return node;
}

function jsonSyntaxProblem(text: string, error: unknown): CampaignProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
  return { field: "(file)", ...(line === undefined ? {} : { line }), message: `not valid JSON: ${message}` };
}
