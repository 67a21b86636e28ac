import type { BusEvent } from "../../functions/ports/event-publisher.js";
import type { PendingEvents } from "../../functions/ports/pending-events.js";
import { JsonlFile } from "../support/jsonl-file.js";

/**
 * The pending-events queue on one machine: a JSON Lines file (`.local-data/pending-events.jsonl`), one line per
 * turn whose events the local bus would not take. Nothing relays it automatically; it is there to inspect.
 */
export class PendingEventsFile implements PendingEvents {
  private readonly file: JsonlFile;

  constructor(path: string) {
    this.file = new JsonlFile(path);
  }

  keep(events: readonly BusEvent[]): Promise<void> {
    return this.file.append({ events });
  }
}
