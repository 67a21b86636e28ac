import { describe, expect, it, vi } from "vitest";
import { busRules } from "../../contracts/bus-rules.js";
import {
  type CrmClient,
  type CrmHandoffUpdate,
  createHandler,
  HttpCrmClient,
  syncHandoff,
} from "../../examples/crm-sync/handler.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { handoffRequestedEvent } from "../support/handoff-events.js";

function recordingCrm() {
  const calls: Array<{ update: CrmHandoffUpdate; key: string }> = [];
  const crm: CrmClient = {
    upsertHandoff: async (update, key) => {
      calls.push({ update, key });
    },
  };
  return { crm, calls };
}

describe("example consumer: CRM sync", () => {
  it("is subscribed to real handoffs only, by the bus rule that targets it", () => {
    // Prepare
    const rules = busRules([defaultCampaign]);
    // Act
    const rule = rules.find((candidate) => candidate.target === "crm-sync-example");
    // Assess
    expect(rule?.pattern).toMatchObject({
      "detail-type": ["Handoff.Requested"],
      detail: { trigger: [{ "anything-but": ["system_fallback"] }] },
    });
  });

  it("maps a Handoff.Requested to the CRM update, keyed by the event's deterministic id", async () => {
    // Prepare
    const { crm, calls } = recordingCrm();
    const event = handoffRequestedEvent("contact-9", { leadId: "lead-9", trigger: "buying_intent" });
    // Act
    const outcome = await syncHandoff(crm, event);
    // Assess
    expect(outcome).toEqual({ status: "synced", idempotencyKey: "Handoff.Requested:contact-9:handoff" });
    expect(calls).toEqual([
      {
        key: "Handoff.Requested:contact-9:handoff",
        update: {
          leadId: "lead-9",
          contactId: "contact-9",
          campaignId: "default",
          stage: "handed_to_closer",
          trigger: "buying_intent",
          queue: "baton-closers",
          urgency: "low",
          summary: event.detail.screenPop.summary,
          confirmed: { budget: "50000/yr", authority: "decision_maker", timeline: "within_1_month" },
          missing: ["Need"],
          openObjections: [],
          occurredAt: event.detail.meta.occurredAt,
        },
      },
    ]);
  });

  it("sends the same idempotency key for a redelivered event", async () => {
    // Prepare
    const { crm, calls } = recordingCrm();
    const event = handoffRequestedEvent("contact-9", { leadId: "lead-9" });
    // Act
    await syncHandoff(crm, event);
    await syncHandoff(crm, structuredClone(event));
    // Assess
    expect(new Set(calls.map((call) => call.key)).size).toBe(1);
  });

  it("skips system fallbacks and other events, and refuses an event that breaks the contract", async () => {
    // Prepare
    const { crm, calls } = recordingCrm();
    const fallback = handoffRequestedEvent("contact-10", { trigger: "system_fallback" });
    const broken = handoffRequestedEvent("contact-11");
    (broken.detail.meta as { schemaVersion: string }).schemaVersion = "2";
    // Act
    const skipped = await syncHandoff(crm, fallback);
    const other = await syncHandoff(crm, {
      source: "baton.handoff",
      "detail-type": "Handoff.Accepted",
      detail: {},
    });
    const invalid = syncHandoff(crm, broken);
    const thrown = createHandler(crm)(broken);
    // Assess
    expect(skipped).toEqual({ status: "skipped", reason: "system_fallback" });
    expect(other).toEqual({ status: "skipped", reason: "not_a_handoff" });
    await expect(invalid).resolves.toMatchObject({
      status: "invalid",
      reason: expect.stringMatching(/^meta\.schemaVersion/),
    });
    await expect(thrown).rejects.toThrow(/invalid Handoff\.Requested/);
    expect(calls).toEqual([]);
  });

  it("posts to the CRM with the idempotency key, and fails loudly on an error answer", async () => {
    // Prepare
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(new Response("nope", { status: 422 }));
    const crm = new HttpCrmClient("https://crm.example.com/api/", "secret-token", fetchImpl);
    const event = handoffRequestedEvent("contact-12", { leadId: "lead-12" });
    // Act
    const ok = await syncHandoff(crm, event);
    const failing = syncHandoff(crm, event);
    // Assess
    expect(ok.status).toBe("synced");
    await expect(failing).rejects.toThrow(/CRM answered 422/);
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe("https://crm.example.com/api/handoffs");
    expect(init?.method).toBe("POST");
    expect(init?.headers).toMatchObject({
      "idempotency-key": "Handoff.Requested:contact-12:handoff",
      authorization: "Bearer secret-token",
    });
    expect(JSON.parse(String(init?.body))).toMatchObject({ leadId: "lead-12", stage: "handed_to_closer" });
  });
});
