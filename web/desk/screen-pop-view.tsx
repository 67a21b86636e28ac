import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import type { HandbackInput } from "./desk-host.js";
import type { DeskView } from "./desk-view.js";
import { HandbackForm } from "./handback-form.js";
import { lineOf } from "./line-number.js";
import { CONCERN, intentBadges, triggerText } from "./pop-words.js";

export interface ScreenPopActions {
  accept?: (() => void) | undefined;
  handBack?: ((input: HandbackInput) => void) | undefined;
}

const URGENCY_COLOR: Record<string, "red" | "blue" | "grey"> = { high: "red", medium: "blue", low: "grey" };

/**
 * The closer's screen, in the order it is read: what the customer wants (with Accept beside it), who
 * they are and what to say first; then the facts not to re-ask, what is unknown, concerns, tone; the
 * transcript last, folded.
 */
export function ScreenPopView({ view, actions }: { view: DeskView; actions: ScreenPopActions }) {
  const canAccept = actions.accept !== undefined && (view.status === "waiting" || view.status === undefined);
  return (
    <div data-testid="screen-pop" data-contact-id={view.contactId}>
      <SpaceBetween size="m">
        <Container
          header={
            <Header
              variant="h2"
              description={
                view.ask?.headline ? (
                  <span data-testid="ask-said">They said: "{view.ask.said}"</span>
                ) : undefined
              }
              actions={
                canAccept ? (
                  <Button variant="primary" data-testid="accept" onClick={actions.accept}>
                    Accept call
                  </Button>
                ) : undefined
              }
            >
              <span data-testid="ask">
                {view.ask ? (view.ask.headline ?? `"${view.ask.said}"`) : view.summary}
              </span>
            </Header>
          }
        >
          <SpaceBetween size="s">
            <CallerLine view={view} />
            <div>
              <Box variant="awsui-key-label">Say first</Box>
              <Box variant="p" fontSize="heading-s" data-testid="opener">
                {view.opener || "(none)"}
              </Box>
            </div>
            <SpaceBetween direction="horizontal" size="xs">
              <Badge color="blue" data-testid="trigger">
                {triggerText(view.trigger)}
              </Badge>
              {view.urgency ? (
                <Badge color={URGENCY_COLOR[view.urgency] ?? "grey"}>{view.urgency} urgency</Badge>
              ) : null}
              <Badge data-testid="tone">tone: {view.tone || "unknown"}</Badge>
              {view.language ? <Badge data-testid="language">language: {view.language}</Badge> : null}
              {intentBadges(view.intents).map((intent) => (
                <Badge key={intent} color="green">
                  {intent}
                </Badge>
              ))}
            </SpaceBetween>
          </SpaceBetween>
        </Container>
        {/* While waiting, Accept beside the ask says it all; the panel comes once there is something to do or see. */}
        {(actions.accept || actions.handBack) && !canAccept ? (
          <ActionPanel view={view} actions={actions} />
        ) : null}
        <Container header={<Header variant="h3">Confirmed: do not re-ask</Header>}>
          <ConfirmedFacts view={view} />
        </Container>
        {view.missing.length > 0 ? (
          <Container header={<Header variant="h3">Still unknown</Header>}>
            <SpaceBetween direction="horizontal" size="xs">
              {view.missing.map((item) => (
                <Badge key={item} color="grey">
                  {item}
                </Badge>
              ))}
            </SpaceBetween>
          </Container>
        ) : null}
        <Container header={<Header variant="h3">Concerns and the AI's answers</Header>}>
          <Objections view={view} />
        </Container>
        {view.caller?.lastHandbackNote ? (
          <Container header={<Header variant="h3">Note from the last closer</Header>}>
            <Box variant="p" data-testid="last-handback-note">
              {view.caller.lastHandbackNote}
            </Box>
          </Container>
        ) : null}
        {view.reasons.length > 0 ? (
          <Container header={<Header variant="h3">Why now</Header>}>
            <ul className="pop-list">
              {view.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </Container>
        ) : null}
        {view.transcript.length > 0 ? <Transcript view={view} /> : null}
        <Box variant="small" color="text-body-secondary">
          contact {view.contactId}
          {view.queue ? ` · queue ${view.queue}` : ""}
        </Box>
      </SpaceBetween>
    </div>
  );
}

function CallerLine({ view }: { view: DeskView }) {
  const caller = view.caller ?? {};
  const parts = [
    caller.name,
    caller.company,
    caller.phone,
    caller.direction,
    caller.returning ? "returning lead: facts carried over from an earlier call" : undefined,
  ].filter((part): part is string => part !== undefined && part !== "");
  const earlier = view.earlierContacts ?? [];
  if (parts.length === 0 && earlier.length === 0 && !caller.previousContactId) return null;
  return (
    <div>
      <Box variant="p" data-testid="caller">
        {parts.join(" · ")}
      </Box>
      {earlier.length > 0 ? (
        <div data-testid="earlier-contacts">
          <Box variant="awsui-key-label">Earlier contacts</Box>
          <ul className="pop-list">
            {earlier.map((contact) => (
              <li key={contact.contactId}>
                <Box variant="small">
                  {contact.when ? `${whenText(contact.when)}: ` : ""}
                  {contact.outcome}
                  {contact.note ? `. Closer's note: "${contact.note}"` : ""}
                </Box>
              </li>
            ))}
          </ul>
        </div>
      ) : caller.previousContactId ? (
        <Box variant="small" data-testid="earlier-contacts">
          earlier contact {caller.previousContactId}
        </Box>
      ) : null}
    </div>
  );
}

function whenText(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? iso
    : at.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

function ConfirmedFacts({ view }: { view: DeskView }) {
  if (view.confirmed.length === 0) return <Box color="text-body-secondary">nothing confirmed yet</Box>;
  return (
    <KeyValuePairs
      columns={2}
      items={view.confirmed.map((fact) => ({
        label: fact.label,
        value: (
          <span data-testid="confirmed-fact" data-slot={fact.slot}>
            <Box variant="strong">{fact.value}</Box>
            {fact.said ? (
              <Box variant="small" color="text-body-secondary" display="block">
                "{fact.said}"{fact.turn === undefined ? "" : ` (line ${lineOf(fact.turn)})`}
              </Box>
            ) : null}
          </span>
        ),
      }))}
    />
  );
}

function Objections({ view }: { view: DeskView }) {
  if (view.objections.length === 0) return <Box color="text-body-secondary">none raised</Box>;
  return (
    <SpaceBetween size="s">
      {view.objections.map((objection, index) => (
        // Objections have no id; their order on the pop is stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is re-built whole, never reordered
        <div key={index} data-testid="objection" data-status={objection.status}>
          <Box variant="strong">
            {CONCERN[objection.kind] ?? objection.kind}
            {objection.turn === undefined ? "" : ` (line ${lineOf(objection.turn)})`}
          </Box>
          {objection.customerSaid ? <Box variant="p">Customer: "{objection.customerSaid}"</Box> : null}
          {objection.aiAnswer ? <Box variant="p">AI answered: "{objection.aiAnswer}"</Box> : null}
          <span data-testid="objection-landed">
            {objection.status === "resolved" ? (
              <StatusIndicator type="success">landed: the customer accepted it</StatusIndicator>
            ) : objection.aiAnswer ? (
              <StatusIndicator type="warning">did not land yet: do not repeat it</StatusIndicator>
            ) : (
              <StatusIndicator type="pending">not answered yet</StatusIndicator>
            )}
          </span>
        </div>
      ))}
    </SpaceBetween>
  );
}

function Transcript({ view }: { view: DeskView }) {
  return (
    <ExpandableSection variant="container" headerText={`Transcript (${view.transcript.length} lines)`}>
      <ol className="pop-transcript">
        {view.transcript.map((line) => (
          <li key={`${line.turn}-${line.speaker}`} data-testid="pop-line">
            <Box variant="strong">
              {lineOf(line.turn)} {line.speaker === "ai" ? "AI" : "Customer"}
            </Box>{" "}
            {line.text}
          </li>
        ))}
      </ol>
    </ExpandableSection>
  );
}

function ActionPanel({ view, actions }: { view: DeskView; actions: ScreenPopActions }) {
  return (
    <Container>
      <SpaceBetween size="s">
        <span data-testid="desk-status">
          <StatusIndicator type={STATUS_TYPE[view.status ?? "waiting"] ?? "pending"}>
            {statusText(view)}
          </StatusIndicator>
        </span>
        {view.status === "handed_back" && view.handback?.note ? (
          <Box variant="p" data-testid="handback-sent-note">
            Note: {view.handback.note}
          </Box>
        ) : null}
        {/* Hand back only a call the closer took, once, with a note for the AI's follow-up. */}
        {actions.handBack && view.status === "accepted" ? (
          <HandbackForm key={view.contactId} onSubmit={actions.handBack} />
        ) : null}
      </SpaceBetween>
    </Container>
  );
}

const STATUS_TYPE: Record<string, "pending" | "success" | "info" | "stopped"> = {
  waiting: "pending",
  accepted: "success",
  handed_back: "info",
  abandoned: "stopped",
};

function statusText(view: DeskView): string {
  const left = view.customerLeftAt ? " The customer has hung up." : "";
  switch (view.status) {
    case "abandoned":
      return "The customer hung up before a closer accepted.";
    case "accepted":
      return `You accepted this call. To hand it back to the AI, leave a note.${left}`;
    case "handed_back": {
      const handback = view.handback;
      if (!handback) return "Handed back to the AI.";
      const when = new Date(handback.followUpAt).toLocaleString();
      return `Handed back to the AI for ${when}${handback.scheduledAt ? " (scheduled)" : " (sending...)"}.${left}`;
    }
    default:
      return "Waiting for a closer.";
  }
}
