import type { Transcript } from "../../contracts/transcript.js";
import type { TurnLine } from "../../train/fresh-annotations.js";

/** A dev-z call handed off as complex on customer turn 3, a price objection layered on a competitor one. */
export const complexCall: Transcript = {
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

/** The line the derive reads off `complexCall` for its first customer turn; the handoff turn has none of its own. */
export const complexCallFirstTurn: TurnLine = {
  text: "a minute. we pay 20 a line now",
  ai: "Hi, this is the Nimbus assistant. Got a minute?",
  labels: [],
  source: "fresh:dev-z:z1-001:1",
  split: "train",
};
