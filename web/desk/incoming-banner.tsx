import Button from "@cloudscape-design/components/button";
import Flashbar from "@cloudscape-design/components/flashbar";
import type { QueueItem } from "./desk-host.js";
import { waitingFor } from "./waiting-time.js";

/**
 * The incoming handoff on top of the desk, as the agent workspace rings a contact: the summary, how
 * long the customer has waited, and Accept (when the host can accept).
 */
export function IncomingBanner({
  waiting,
  selected,
  now,
  onAccept,
}: {
  waiting: readonly QueueItem[];
  selected?: string | undefined;
  now: number;
  onAccept?: ((contactId: string) => void) | undefined;
}) {
  const first = waiting.find((item) => item.contactId === selected) ?? waiting[0];
  if (!first) return null;
  return (
    <div data-testid="incoming">
      <Flashbar
        items={[
          {
            id: "incoming",
            type: "info",
            header: waiting.length === 1 ? "Incoming handoff" : `${waiting.length} handoffs waiting`,
            content: (
              <>
                {first.summary}{" "}
                <span data-testid="waiting-time">waiting {waitingFor(first.receivedAt, now)}</span>
              </>
            ),
            action: onAccept ? (
              <Button data-testid="banner-accept" onClick={() => onAccept(first.contactId)}>
                Accept
              </Button>
            ) : undefined,
          },
        ]}
      />
    </div>
  );
}
