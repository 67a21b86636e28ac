import { describe, expect, it } from "vitest";
import type { Transcript } from "../../contracts/transcript.js";
import { agreedReading, type TurnLine } from "../../train/fresh-annotations.js";
import { labeledFreshLines } from "../../train/fresh-passes.js";

const complexCall: Transcript = {
  id: "z1-001",
  campaign: "default",
  turns: [
    { speaker: "ai", text: "Hi, this is the Nimbus assistant. Got a minute?" },
    { speaker: "customer", text: "a minute. we pay 20 a line now" },
    { speaker: "ai", text: "Most teams your size pay about 25 a user." },
    { speaker: "customer", text: "more than now? and we just renewed with comcast" },
  ],
  labels: { handoffTurn: 3, trigger: "complex" },
};

/** The line the derive reads off the call for the turn before its handoff; the handoff turn has none yet. */
const derived: TurnLine = {
  text: "a minute. we pay 20 a line now",
  ai: "Hi, this is the Nimbus assistant. Got a minute?",
  labels: [],
  source: "fresh:dev-z:z1-001:1",
  split: "train",
};

const annotations = new Map([
  ["dev-z:z1-001:3", agreedReading([["objection_competitor"], ["objection_competitor"]])],
]);

describe("a fresh set's lines through every pass", () => {
  it("teaches no prospect on the complex handoff turn the annotators' readings add", () => {
    // Prepare
    const lines = [derived];
    // Act
    const labeled = labeledFreshLines(lines, [complexCall], "dev-z", annotations, new Map());
    // Assess
    const handoff = labeled.find((line) => line.source === "fresh:dev-z:z1-001:3");
    expect(handoff?.labels).toEqual(["objection_competitor"]);
    expect(handoff?.annotated).toContain("non_prospect");
  });

  it("changes nothing when run again on the lines of a set derived for the first time", () => {
    // Prepare
    const once = labeledFreshLines([derived], [complexCall], "dev-z", annotations, new Map());
    // Act
    const twice = labeledFreshLines(once, [complexCall], "dev-z", annotations, new Map());
    // Assess
    expect(twice).toEqual(once);
  });
});
