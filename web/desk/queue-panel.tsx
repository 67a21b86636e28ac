import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { FILTERS, type Filter, inFilter } from "./desk-controller.js";
import type { QueueItem } from "./desk-host.js";
import { queueStatusText, triggerText } from "./pop-words.js";
import { waitingFor } from "./waiting-time.js";

/** The queue: waiting / mine / handed back / all, each row a link to its screen pop. */
export function QueuePanel({
  items,
  filter,
  selected,
  now,
  onFilter,
  onSelect,
}: {
  items: readonly QueueItem[];
  filter: Filter;
  selected?: string | undefined;
  now: number;
  onFilter: (filter: Filter) => void;
  onSelect: (contactId: string) => void;
}) {
  const visible = items.filter((item) => inFilter(item, filter));
  return (
    <Box padding="m">
      <SpaceBetween size="s">
        <Header variant="h2">Queue</Header>
        <SegmentedControl
          label="Queue filter"
          selectedId={`filter-${filter}`}
          onChange={({ detail }) => {
            const chosen = FILTERS.find((entry) => `filter-${entry.id}` === detail.selectedId);
            if (chosen) onFilter(chosen.id);
          }}
          options={FILTERS.map((entry) => ({
            id: `filter-${entry.id}`,
            text: `${entry.label} (${items.filter((item) => inFilter(item, entry.id)).length})`,
          }))}
        />
        {visible.length === 0 ? (
          <Box color="text-body-secondary">nothing here</Box>
        ) : (
          <ul className="desk-queue" data-testid="queue">
            {visible.map((item) => (
              <li
                key={item.contactId}
                data-testid="queue-item"
                data-contact-id={item.contactId}
                data-status={item.status}
                className={item.contactId === selected ? "selected" : undefined}
              >
                <SpaceBetween size="xxxs">
                  <SpaceBetween direction="horizontal" size="xs">
                    <Badge color={item.status === "waiting" ? "red" : "grey"}>
                      {triggerText(item.trigger)}
                    </Badge>
                    <Box variant="small">
                      {item.status === "waiting" && item.receivedAt
                        ? `waiting ${waitingFor(item.receivedAt, now)}`
                        : queueStatusText(item.status)}
                    </Box>
                  </SpaceBetween>
                  <Link
                    href={`#contact=${encodeURIComponent(item.contactId)}`}
                    ariaLabel={`${item.summary} (${queueStatusText(item.status)})`}
                    onFollow={(event) => {
                      event.preventDefault();
                      onSelect(item.contactId);
                    }}
                  >
                    {item.summary || item.contactId}
                  </Link>
                </SpaceBetween>
              </li>
            ))}
          </ul>
        )}
        <Box variant="small" color="text-body-secondary" data-testid="shortcuts">
          Keys: A accept · J/K next/previous · N hand-back note · 1-4 filters
        </Box>
      </SpaceBetween>
    </Box>
  );
}
