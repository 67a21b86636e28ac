import { describe, expect, it } from "vitest";
import { LexSignal } from "../../contracts/campaign.js";
import type { Transcript } from "../../contracts/transcript.js";
import { authorityTeaching, withAuthority } from "../../train/fresh-authority.js";
import { freshLineOf } from "../support/fresh-line.js";

const AUTHORITY = ["authority_decider", "authority_joint", "authority_other"];

const jointCall: Transcript = {
  id: "z1-002",
  campaign: "default",
  turns: [
    { speaker: "ai", text: "Hi, this is the Nimbus assistant. What's going on with your phones?" },
    { speaker: "customer", text: "calls ring out when we're busy, my partner hates it" },
    { speaker: "ai", text: "Got it. Who else would be involved in making this decision?" },
    { speaker: "customer", text: "just me" },
    { speaker: "ai", text: "Thanks. Are you the one who'd decide on this?" },
    { speaker: "customer", text: "well, me and my partner, we split it" },
    { speaker: "ai", text: "And when would you want it running?" },
    { speaker: "customer", text: "next month" },
  ],
  labels: { handoffTurn: null, trigger: null, slots: { authority: "joint", timeline: "within_1_month" } },
};

const nobodysRoleCall: Transcript = {
  id: "z1-003",
  campaign: "default",
  turns: [
    { speaker: "ai", text: "Hi, this is the Nimbus assistant. Got a minute?" },
    { speaker: "customer", text: "sure, my boss asked me to look at phone systems" },
    { speaker: "ai", text: "Happy to help. What's the main thing you'd want fixed?" },
    { speaker: "customer", text: "missed calls" },
  ],
  labels: { handoffTurn: null, trigger: null, slots: { need: "contact_center" } },
};

describe("who decides, as a fresh call's gold label teaches it", () => {
  it("teaches the gold value on the last answer to the AI's who-decides question, and nothing on the others", () => {
    // Prepare
    const call = jointCall;
    // Act
    const taught = authorityTeaching(call);
    // Assess
    expect([...taught]).toEqual([["z1-002:5", "authority_joint"]]);
  });

  it("teaches no to all three labels on every customer turn of a call that says nobody's role", () => {
    // Prepare
    const call = nobodysRoleCall;
    // Act
    const taught = authorityTeaching(call);
    // Assess
    expect([...taught]).toEqual([
      ["z1-003:1", null],
      ["z1-003:3", null],
    ]);
  });

  it("teaches nothing for a gold value that is no who-decides value", () => {
    // Prepare
    const call = {
      ...jointCall,
      labels: { ...jointCall.labels, slots: { authority: "toString" } },
    } as Transcript;
    // Act
    const taught = authorityTeaching(call);
    // Assess
    expect(taught.size).toBe(0);
  });

  it("teaches nothing where the call has no gold label", () => {
    // Prepare
    const { labels: _labels, ...unlabeled } = jointCall;
    // Act
    const taught = authorityTeaching(unlabeled);
    // Assess
    expect(taught.size).toBe(0);
  });

  it("adds the three labels to what a line teaches and the value to its labels, keeping requests and readings", () => {
    // Prepare
    const lines = [
      freshLineOf("z1-002", 3),
      freshLineOf("z1-002", 5, { labels: ["buy_now"] }),
      freshLineOf("z1-003", 1, {
        labels: ["negative"],
        annotated: [...LexSignal.options, "negative", "sarcasm"],
      }),
    ];
    // Act
    const taught = withAuthority(lines, [jointCall, nobodysRoleCall], "dev-z");
    // Assess
    expect(taught[0]).toEqual(lines[0]);
    expect(taught[1]?.labels).toEqual(["buy_now", "authority_joint"]);
    expect(taught[1]?.annotated).toEqual(expect.arrayContaining([...LexSignal.options, ...AUTHORITY]));
    expect(taught[2]?.labels).toEqual(["negative"]);
    expect(taught[2]?.annotated).toEqual(
      expect.arrayContaining([...LexSignal.options, "negative", "sarcasm", ...AUTHORITY]),
    );
  });

  it("changes nothing when run again", () => {
    // Prepare
    const once = withAuthority(
      [freshLineOf("z1-002", 5), freshLineOf("z1-003", 3)],
      [jointCall, nobodysRoleCall],
      "dev-z",
    );
    // Act
    const twice = withAuthority(once, [jointCall, nobodysRoleCall], "dev-z");
    // Assess
    expect(twice).toEqual(once);
  });

  it("leaves the lines of another set alone", () => {
    // Prepare
    const other = { ...freshLineOf("z1-002", 5), source: "fresh:dev-y:z1-002:5" };
    // Act
    const taught = withAuthority([other], [jointCall], "dev-z");
    // Assess
    expect(taught[0]).toEqual(other);
  });
});
