import type { DeskEntry, EarlierContact } from "../api/desk-api.js";

/** Enough for the pop's identity line; the oldest ones add nothing a closer reads in five seconds. */
const MAX_EARLIER = 5;

/**
 * The lead's earlier contacts as the local desk knows them: handoffs received before this one with the
 * same lead id or, failing that, the same caller phone number (a local stand-in for the CRM lookup a
 * contact center does by number), newest first, each with what the closer did and their handback note.
 */
export function earlierContacts(entries: Iterable<DeskEntry>, entry: DeskEntry): EarlierContact[] {
  const phone = entry.screenPop.caller?.phone;
  const earlier: EarlierContact[] = [];
  for (const other of entries) {
    if (other.contactId === entry.contactId || other.receivedAt >= entry.receivedAt) continue;
    const sameLead = entry.leadId !== undefined && other.leadId === entry.leadId;
    const samePhone = phone !== undefined && other.screenPop.caller?.phone === phone;
    if (!sameLead && !samePhone) continue;
    earlier.push({
      contactId: other.contactId,
      receivedAt: other.receivedAt,
      status: other.status,
      trigger: other.trigger,
      sameLead,
      ...(other.handback?.note ? { handbackNote: other.handback.note } : {}),
    });
  }
  return earlier.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, MAX_EARLIER);
}
