import { describe, expect, it } from "vitest";
import type { DeskEntry } from "../../local/api/desk-api.js";
import { earlierContacts } from "../../local/desk/earlier-contacts.js";
import { at, screenPopFor } from "../support/handoff-events.js";

/** A desk entry received `minutes` after T0, for a lead and a caller's number. */
function entry(
  contactId: string,
  minutes: number,
  who: { leadId?: string; phone?: string },
  more: Partial<DeskEntry> = {},
): DeskEntry {
  const pop = screenPopFor(contactId, who.leadId ? { leadId: who.leadId } : {});
  return {
    contactId,
    ...(who.leadId ? { leadId: who.leadId } : {}),
    campaignId: "default",
    queue: "baton-closers",
    trigger: "qualified",
    turn: 7,
    reasons: [],
    screenPop: { ...pop, ...(who.phone ? { caller: { phone: who.phone } } : {}) },
    eventId: `event-${contactId}`,
    requestedAt: at(minutes * 60_000),
    receivedAt: at(minutes * 60_000),
    status: "waiting",
    ...more,
  };
}

describe("earlierContacts", () => {
  it("lists the same lead's and the same number's earlier handoffs, newest first, with the closer's note", () => {
    // Prepare
    const handedBack = entry(
      "c-1",
      0,
      { leadId: "lead-1" },
      {
        status: "handed_back",
        handback: {
          note: "Call after the board meeting.",
          followUpAt: at(86_400_000),
          requestedBy: "ana",
          requestedAt: at(120_000),
          eventId: "e-1",
        },
      },
    );
    const samePhone = entry(
      "c-2",
      5,
      { leadId: "lead-2", phone: "+1 555 010 0123" },
      { status: "abandoned" },
    );
    const stranger = entry("c-3", 6, { leadId: "lead-3", phone: "+1 555 010 9999" });
    const current = entry("c-4", 10, { leadId: "lead-1", phone: "+1 555 010 0123" });
    const later = entry("c-5", 20, { leadId: "lead-1" });

    // Act
    const earlier = earlierContacts([handedBack, samePhone, stranger, current, later], current);

    // Assess
    expect(earlier).toEqual([
      {
        contactId: "c-2",
        receivedAt: at(300_000),
        status: "abandoned",
        trigger: "qualified",
        sameLead: false,
      },
      {
        contactId: "c-1",
        receivedAt: at(0),
        status: "handed_back",
        trigger: "qualified",
        sameLead: true,
        handbackNote: "Call after the board meeting.",
      },
    ]);
  });

  it("finds nothing for a caller with neither a lead nor a number", () => {
    const first = entry("c-1", 0, {});
    const second = entry("c-2", 1, {});
    expect(earlierContacts([first, second], second)).toEqual([]);
  });
});
