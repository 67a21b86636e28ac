import * as z from "zod";
import { DeskEntry, DeskQueueResponse, EarlierContact } from "../../local/api/desk-api.js";
import { ApiError, fetchJson } from "../shared/api-client.js";
import { liveUpdates } from "../shared/live-updates.js";
import type { DeskHost } from "./desk-host.js";
import { viewFromDeskEntry } from "./desk-view.js";
import { queueStatusText, triggerText } from "./pop-words.js";

const EntryResponse = z.looseObject({ entry: DeskEntry });
const ViewResponse = z.looseObject({
  entry: DeskEntry,
  earlierContacts: z.array(EarlierContact).default([]),
});

/** The desk on the local server: the full screen pop from the API, live over server-sent events. */
export function localHost(): DeskHost {
  return {
    name: "local desk",
    async queue() {
      const { entries } = await fetchJson("/api/desk", DeskQueueResponse);
      return entries.map((entry) => ({
        contactId: entry.contactId,
        trigger: entry.trigger,
        status: entry.status,
        receivedAt: entry.receivedAt,
        summary: entry.screenPop.summary,
      }));
    },
    async view(contactId) {
      try {
        const { entry, earlierContacts } = await fetchJson(
          `/api/desk/${encodeURIComponent(contactId)}`,
          ViewResponse,
        );
        return {
          ...viewFromDeskEntry(entry),
          earlierContacts: earlierContacts.map((earlier) => ({
            contactId: earlier.contactId,
            when: earlier.receivedAt,
            outcome: `${triggerText(earlier.trigger)}, ${queueStatusText(earlier.status)}${earlier.sameLead ? "" : " (same number)"}`,
            note: earlier.handbackNote,
          })),
        };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    watch(onChange, onStatus) {
      liveUpdates({ onOpen: onChange, onStatus, on: { desk: () => onChange() } });
    },
    async accept(contactId) {
      await fetchJson(`/api/desk/${encodeURIComponent(contactId)}/accept`, EntryResponse, {
        method: "POST",
        body: {},
      });
    },
    async handBack(contactId, input) {
      await fetchJson(`/api/desk/${encodeURIComponent(contactId)}/handback`, EntryResponse, {
        method: "POST",
        body: input,
      });
    },
  };
}
