import { describe, expect, it } from "vitest";
import { agreedReading } from "../../train/fresh-annotations.js";
import { labeledFreshLines } from "../../train/fresh-passes.js";
import { complexCall, complexCallFirstTurn as derived } from "../support/complex-call.js";

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
