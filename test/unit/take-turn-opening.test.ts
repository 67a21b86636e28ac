import { describe, expect, it } from "vitest";
import { InMemoryEventPublisher } from "../../functions/adapters/in-memory.js";
import { type TurnDependencies, type TurnRequest, takeTurn } from "../../functions/application/take-turn.js";
import { CampaignRegistry, defaultCampaign } from "../../functions/domain/campaigns.js";
import { READER_LABELS, type ReaderScores } from "../../functions/domain/reader/labels.js";
import type { TurnReader, TurnReaderInput } from "../../functions/domain/reader/turn-reader.js";
import type { LeadProfile } from "../../functions/ports/state-store.js";
import { InMemoryStateStore } from "../support/in-memory-state-store.js";

const NOW = new Date("2026-03-02T10:15:00.000Z");
const NOTHING = Object.fromEntries(READER_LABELS.map((label) => [label, 0.02])) as ReaderScores;

/** Keeps what the engine asked the reader to read. */
function recordingReader(): TurnReader & { inputs: TurnReaderInput[] } {
  const inputs: TurnReaderInput[] = [];
  return {
    inputs,
    version: "recording",
    read: (input) => {
      inputs.push(input);
      return NOTHING;
    },
  };
}

function dependencies(reader: TurnReader, stateStore = new InMemoryStateStore()): TurnDependencies {
  return {
    stateStore,
    publisher: new InMemoryEventPublisher(),
    languageModel: { nextLine: async (request) => ({ text: request.scriptedLine, source: "script" }) },
    campaigns: new CampaignRegistry([defaultCampaign]),
    clock: () => NOW,
    ttlDays: 90,
    reader,
  };
}

const firstTurn: TurnRequest = {
  contactId: "contact-1",
  campaignId: defaultCampaign.id,
  turnKey: "turn-1",
  text: "Yes, go ahead.",
  inputMode: "Speech",
};

describe("the first turn of a contact", () => {
  it("is read as the answer to the campaign's greeting", async () => {
    // Prepare
    const reader = recordingReader();

    // Act
    await takeTurn(dependencies(reader), firstTurn);

    // Assess
    expect(reader.inputs[0]?.text).toBe("Yes, go ahead.");
    expect(reader.inputs[0]?.aiLine).toBe(defaultCampaign.script.greeting);
  });

  it("is read as the answer to the resume line when the lead comes back with confirmed facts", async () => {
    // Prepare
    const reader = recordingReader();
    const stateStore = new InMemoryStateStore();
    const lead: LeadProfile = {
      leadId: "lead-000417",
      campaignId: defaultCampaign.id,
      slots: {
        budget: { value: "500/mo", turn: 3, confidence: 0.9, quote: "about 500 a month", corrected: false },
      },
      lastContactId: "contact-0",
      doNotCall: false,
      expiresAt: 1_900_000_000,
    };
    stateStore.seedLead(lead);

    // Act
    await takeTurn(dependencies(reader, stateStore), { ...firstTurn, leadId: lead.leadId });

    // Assess
    expect(reader.inputs[0]?.aiLine).toBe(defaultCampaign.script.resume);
  });
});
