import { describe, expect, it } from "vitest";
import { Transcript } from "../../contracts/transcript.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign } from "../../functions/domain/compiled-campaign.js";
import { replayTranscript } from "../../functions/domain/replay.js";
import type { CategoryValueReader } from "../../functions/domain/slots/category-values.js";
import { secondValuesHeard } from "../../functions/domain/slots/second-value.js";
import { fixedReader } from "../support/fixed-reader.js";

/** Slots do not depend on the turn reader; a silent one keeps the call with the AI. */
const silentReader = fixedReader(() => []);

/** The need left after the customer's reason to call and a second answer about it. */
const needAfter = (reason: string, aiLine: string, second: string) =>
  replayTranscript(
    Transcript.parse({
      id: "second-value",
      turns: [
        { speaker: "ai", text: "Hi, this is Nimbus Voice. Do you have a minute?" },
        { speaker: "customer", text: "Sure." },
        { speaker: "ai", text: "What's prompting the change?" },
        { speaker: "customer", text: reason },
        { speaker: "ai", text: aiLine },
        { speaker: "customer", text: second },
      ],
    }),
    defaultCampaign,
    silentReader,
  ).finalState.slots.need;

describe("a second value read for a category slot", () => {
  it("does not replace the reason the customer gave in full for one named in passing", () => {
    // Prepare
    const reason =
      "The phone company is retiring the old copper landline on our street and sent a letter saying we have to move off it.";
    // Act
    const need = needAfter(
      reason,
      "Is that the main thing you need fixed?",
      "well also nobody picks up when we're busy",
    );
    // Assess
    expect(need).toMatchObject({ value: "replace_phone_system", turn: 3 });
  });

  it("replaces a value said weakly when the second turn says its own in full", () => {
    // Act
    const need = needAfter(
      "the bill is high-ish I guess",
      "Got it. What else are you hoping to fix?",
      "what I really need is every call recorded for compliance, the state requires recordings of every client call now and we have nothing",
    );
    // Assess
    expect(need).toMatchObject({ value: "call_recording", turn: 5 });
  });

  it("still replaces a value the customer corrects", () => {
    // Act
    const need = needAfter(
      "our phone bill is way too high for what we get",
      "Understood. Anything else going on with the phones?",
      "actually the bigger issue is our reps can't get calls into hubspot",
    );
    // Assess
    expect(need).toMatchObject({ value: "crm_integration", turn: 5 });
  });
});

describe("secondValuesHeard", () => {
  const { slots } = compileCampaign(defaultCampaign);
  const earlier = {
    need: { value: "remote_work", turn: 3, confidence: 0.65, quote: "cells", corrected: false },
  };
  const candidate = {
    slot: "need",
    value: "crm_integration",
    confidence: 0.7,
    correction: false,
    quote: "hubspot",
  };
  /** A model that reads each text as the table says (undefined: remote work, unsure). */
  const modelReading = (
    table: Record<string, { value: string; probability: number }>,
  ): CategoryValueReader => ({
    choose: (_campaign, _slot, _values, text) => table[text] ?? { value: "remote_work", probability: 0.5 },
    namesOne: () => 1,
    surestPart: (_campaign, _slot, _value, text) => text,
  });
  const heard = (models: CategoryValueReader) =>
    secondValuesHeard(
      [candidate],
      earlier,
      () => "cells mostly",
      slots,
      "default",
      models,
      "nobody logs calls",
    );

  it("keeps the new value where both turns together read it", () => {
    // Prepare
    const models = modelReading({
      "cells mostly nobody logs calls": { value: "crm_integration", probability: 0.6 },
    });
    // Act
    const kept = heard(models);
    // Assess
    expect(kept).toEqual([candidate]);
  });

  it("keeps the new value where its own turn reads it surer than the earlier turn reads the old", () => {
    // Prepare
    const models = modelReading({
      "nobody logs calls": { value: "crm_integration", probability: 0.9 },
      "cells mostly": { value: "remote_work", probability: 0.6 },
    });
    // Act
    const kept = heard(models);
    // Assess
    expect(kept).toEqual([candidate]);
  });

  it("drops the new value where both turns together and the earlier turn on its own read the old one surer", () => {
    // Prepare
    const models = modelReading({
      "nobody logs calls": { value: "crm_integration", probability: 0.55 },
      "cells mostly": { value: "remote_work", probability: 0.8 },
    });
    // Act
    const kept = heard(models);
    // Assess
    expect(kept).toEqual([]);
  });

  it("reads the earlier value's quote when the state no longer holds its turn", () => {
    // Prepare
    const read: string[] = [];
    const models: CategoryValueReader = {
      ...modelReading({}),
      choose: (_campaign, _slot, _values, text) => {
        read.push(text);
        return { value: "remote_work", probability: 0.5 };
      },
    };
    // Act
    secondValuesHeard([candidate], earlier, () => undefined, slots, "default", models, "nobody logs calls");
    // Assess
    expect(read[0]).toBe("cells nobody logs calls");
  });
});
