import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultMatrix, SCENARIOS, startFaultMatrix } from "../support/fault-matrix.js";

/** The Lambda's timeout (infra/stack.ts): past it Lex gets no answer and the caller hears silence. */
const LAMBDA_TIMEOUT_MS = 10_000;
const CALLS = 4;

let matrix: FaultMatrix;

beforeAll(async () => {
  matrix = await startFaultMatrix();
}, 120_000);

afterAll(async () => {
  await matrix?.stop();
});

/**
 * Each scenario: a healthy first turn, then a turn that says a card number and an SSN while DynamoDB (behind
 * a fault-injecting proxy), EventBridge, Bedrock or SQS fails. Speeds are in `npm run bench` (fault matrix).
 */
describe("the conversation turn under faults (DynamoDB Local behind a fault proxy; bus, model, queue mocked)", () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    "%s: a valid reply, nobody dropped, every handoff on the bus or pending, nothing lost or exposed",
    async (_name, scenario) => {
      // Act
      const result = await matrix.run(scenario, CALLS);
      // Assess
      expect(result.validReplies).toBe(CALLS);
      if (scenario.sqs === "ok") {
        expect(result.handoffsDelivered).toBe(result.handoffs);
        expect(result.eventsOnlyInLog).toBe(0);
      } else {
        // Bus and queue both down: the only copy left is the error log, in full, to replay.
        expect(result.eventsOnlyInLog).toBeGreaterThanOrEqual(result.handoffs);
      }
      expect(result.lostEvents).toBe(0);
      expect(result.handoffsUnderNewId).toBe(0);
      expect(result.piiExposures).toBe(0);
      expect(Math.max(...result.replyMs)).toBeLessThan(LAMBDA_TIMEOUT_MS);
      if (scenario.dynamodb(2) !== "pass") {
        // DynamoDB gone for the rest of the turn: no state to decide on, every caller goes to a human.
        expect(result.handoffs).toBe(CALLS);
      }
    },
    60_000,
  );
});
