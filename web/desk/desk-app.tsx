import Alert from "@cloudscape-design/components/alert";
import AppLayout from "@cloudscape-design/components/app-layout";
import Box from "@cloudscape-design/components/box";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useSyncExternalStore } from "react";
import { BASE_TITLE, type DeskController } from "./desk-controller.js";
import type { DeskHost } from "./desk-host.js";
import { IncomingBanner } from "./incoming-banner.js";
import { QueuePanel } from "./queue-panel.js";
import { ScreenPopView } from "./screen-pop-view.js";
import { useClock } from "./use-clock.js";
import { useShortcuts } from "./use-shortcuts.js";

/**
 * The agent desk in the agent workspace's own design system (Cloudscape, Connect theme): the incoming
 * banner with Accept on top, the queue in the side panel (a drawer in the workspace's narrow app
 * panel), the screen pop as the content.
 */
export function DeskApp({ desk, host, isLocal }: { desk: DeskController; host: DeskHost; isLocal: boolean }) {
  const state = useSyncExternalStore(desk.subscribe, desk.getSnapshot);
  const now = useClock();
  useShortcuts(desk);
  const accept = host.accept ? (contactId: string) => void desk.accept(contactId) : undefined;
  const waiting = state.items.filter((item) => item.status === "waiting");
  const shown = state.view && state.view.contactId === state.selected ? state.view : undefined;

  return (
    <AppLayout
      toolsHide
      navigationWidth={360}
      ariaLabels={{
        navigation: "Queue",
        navigationToggle: "Open the queue",
        navigationClose: "Close the queue",
      }}
      navigation={
        <QueuePanel
          items={state.items}
          filter={state.filter}
          selected={state.selected}
          now={now}
          onFilter={(filter) => desk.setFilter(filter)}
          onSelect={(contactId) => desk.select(contactId)}
        />
      }
      notifications={
        <IncomingBanner waiting={waiting} selected={state.selected} now={now} onAccept={accept} />
      }
      stickyNotifications
      content={
        <ContentLayout
          header={
            <Header
              variant="h1"
              description={host.name}
              actions={
                <SpaceBetween direction="horizontal" size="s" alignItems="center">
                  <span data-testid="live-status" role="status">
                    <StatusIndicator type={state.liveStatus === "live" ? "success" : "loading"}>
                      {state.liveStatus}
                    </StatusIndicator>
                  </span>
                  {isLocal ? <Link href="/console">customer console</Link> : null}
                </SpaceBetween>
              }
            >
              {BASE_TITLE}
            </Header>
          }
        >
          <SpaceBetween size="m">
            <div role="status">
              {state.message ? (
                <Alert
                  type={state.message.kind}
                  dismissible
                  onDismiss={() => desk.dismissMessage()}
                  data-testid="message"
                >
                  {state.message.text}
                </Alert>
              ) : null}
            </div>
            {!state.selected ? (
              <Box color="text-body-secondary">
                {isLocal ? "No handoff yet. Start a call in the customer console." : "Waiting for a contact."}
              </Box>
            ) : !shown ? (
              <StatusIndicator type="loading">Loading the screen pop</StatusIndicator>
            ) : shown.pop === null ? (
              <Box data-testid="no-pop">Contact {shown.contactId} carries no Baton screen pop.</Box>
            ) : (
              <ScreenPopView
                key={shown.contactId}
                view={shown.pop}
                actions={{
                  accept: accept ? () => accept(shown.contactId) : undefined,
                  handBack: host.handBack ? (input) => void desk.handBack(shown.contactId, input) : undefined,
                }}
              />
            )}
          </SpaceBetween>
        </ContentLayout>
      }
    />
  );
}
