import { FOLLOW_UP_CALL, FOLLOWS_CONTACT_ATTRIBUTE, ROUTE_ATTRIBUTES } from "../../contracts/callback.js";
import type { Campaign } from "../../contracts/campaign.js";
import { SESSION } from "../../functions/application/lex-conversation.js";
import { buildFlow, type Flow } from "./flow.js";
import {
  type ActionId,
  checkHoursOfOperation,
  checkStaffing,
  compare,
  connectParticipantWithLexBot,
  disconnectParticipant,
  enableFlowLogging,
  endFlowExecution,
  type FlowAction,
  type JsonPath,
  messageParticipant,
  showView,
  transferContactToQueue,
  updateContactAttributes,
  updateContactEventHooks,
  updateContactTargetQueue,
} from "./language.js";

/** Contact attributes the flows write, besides the screen pop. */
export const CONTACT_ATTRIBUTE = {
  trigger: SESSION.trigger,
  queue: SESSION.queue,
  outcome: SESSION.outcome,
  endReason: SESSION.endReason,
  /** Set by start-callback (and whoever starts a follow-up call): the AI resumes instead of greeting. */
  callKind: FOLLOW_UP_CALL.attribute,
  leadId: SESSION.leadId,
  campaignId: SESSION.campaignId,
  /** Set by start-callback on a follow-up call: the contact it follows up. */
  followsContact: FOLLOWS_CONTACT_ATTRIBUTE,
} as const;

/** The screen-pop attributes the conversation-turn function sets on a handoff (screenPopAttributes()). */
export const SCREEN_POP_KEYS = {
  summary: [
    "baton_whisper",
    "baton_trigger",
    "baton_decided_turn",
    "baton_urgency",
    "baton_tone",
    "baton_summary",
    "baton_opener",
  ],
  /** The customer's ask, the language and who is calling (the workspace app shows them first). */
  caller: [
    "baton_ask",
    "baton_ask_said",
    "baton_language",
    "baton_customer_name",
    "baton_customer_phone",
    "baton_company",
    "baton_direction",
    "baton_returning",
    "baton_previous_contact",
    "baton_handback_note",
  ],
  details: ["baton_missing", "baton_intents", "baton_objections", "baton_reasons"],
  confirmed: (slot: string) => `baton_confirmed_${slot}`,
} as const;

export interface AiFlowInput {
  /** The default campaign: inbound calls without a campaign get it. */
  campaign: Campaign;
  /** The default campaign's bot alias. */
  botAliasArn: string;
  /**
   * The deployment's other campaigns, each with its bot's alias: a contact whose `campaignId` attribute
   * names one hears its greeting and talks with its bot.
   */
  campaigns?: ReadonlyArray<{ campaign: Campaign; botAliasArn: string }>;
  /** Connect queue ARN per queue name the campaign routes to. */
  queueArns: Record<string, string>;
  /** The guide flow set as the contact's DefaultAgentUI hook before the transfer. */
  screenPopFlowArn: string;
  /** The customer-queue flow set as the contact's CustomerQueue hook: it announces a planned callback. */
  customerQueueFlowArn: string;
  /** The agent-whisper flow set as the contact's AgentWhisper hook: the warm brief the closer hears. */
  agentWhisperFlowArn: string;
}

const ID = {
  logging: "Log this flow",
  talk: "AI conversation",
  resumeTalk: "AI follow-up conversation",
  chooseCampaign: "Which campaign",
  chooseResumeCampaign: "Which campaign to resume",
  setDefaultCampaign: "Set default campaign",
  /** Identifiers are at most 50 characters: a long campaign id is named by its position. */
  talkIn: (id: string, index: number) =>
    `AI conversation ${id}`.length <= 50 ? `AI conversation ${id}` : `AI conversation #${index + 2}`,
  resumeIn: (id: string, index: number) =>
    `AI follow-up ${id}`.length <= 50 ? `AI follow-up ${id}` : `AI follow-up #${index + 2}`,
  callKind: "Follow-up or first call",
  decided: "Handoff decided",
  outcome: "Call outcome",
  saveOutcome: "Save call outcome",
  fallback: "Save fallback handoff",
  routing: "Save handoff routing",
  popSummary: "Save screen pop summary",
  popCaller: "Save screen pop ask and caller",
  popDetails: "Save screen pop details",
  popFact: (index: number) => `Save confirmed fact ${index + 1}`,
  hook: "Set screen pop for closer",
  queueHook: "Set callback-aware queue flow",
  whisperHook: "Set warm brief for closer",
  chooseQueue: "Choose closer queue",
  setQueue: (index: number) => `Set closer queue ${index + 1}`,
  hours: "Closers open",
  staffed: "Closers staffed",
  transfer: "Transfer to closer",
  noCloser: "No closer free",
  end: "End call",
} as const;

const LINES = {
  fallbackSummary:
    "The AI could not continue this call, so it was transferred to you. Nothing is confirmed yet.",
  /** The handoff router plans the AI callback (no closer available): the flow only tells the caller. */
  noCloser:
    "All of our specialists are busy right now, so we will call you back shortly at this number, " +
    "with everything we covered today. Thank you for your time. Goodbye.",
};

/**
 * The AI calling flow. Inbound: the caller talks with the campaign's Lex bot (the conversation-turn function
 * decides every turn); the campaign is the contact's `campaignId` when a flow before this one set a known
 * one, else the default campaign, written to the contact. Outbound (campaign and follow-up calls started with StartOutboundVoiceContact, attributes
 * leadId, campaignId and baton_call_kind): the same, greeting or resuming. When the bot closes, the flow
 * reads the decision from the session attributes: a handoff takes the transfer path, an end or nurture
 * hangs up, anything else (a Lex error, a timeout, an unknown outcome) fails toward a human.
 */
export function aiFlow(kind: "inbound" | "outbound", input: AiFlowInput): Flow {
  const { campaign } = input;
  // Who is on the line goes to the bot too, for the closer's screen pop: the number, the direction and the
  // contact this one continues (a transfer's previous contact, or the call a follow-up call resumes).
  const session = (campaignId: string, line: "greeting" | "resume") => ({
    [SESSION.contactId]: "$.ContactId",
    [SESSION.leadId]: `$.Attributes.${CONTACT_ATTRIBUTE.leadId}`,
    [SESSION.campaignId]: campaignId,
    [SESSION.customerPhone]: "$.CustomerEndpoint.Address",
    [SESSION.direction]: line === "resume" ? "callback" : kind,
    [SESSION.previousContactId]:
      line === "resume" ? `$.Attributes.${CONTACT_ATTRIBUTE.followsContact}` : "$.PreviousContactId",
  });
  const afterBot = {
    NoMatchingCondition: ID.decided,
    NoMatchingError: ID.fallback,
    InputTimeLimitExceeded: ID.fallback,
  };
  const others = (input.campaigns ?? []).filter((other) => other.campaign.id !== campaign.id);
  const talk = (
    id: string,
    line: "greeting" | "resume",
    chosen: Campaign,
    alias: string,
    campaignId: string,
  ) =>
    connectParticipantWithLexBot(
      id,
      { text: chosen.script[line], botAliasArn: alias, sessionAttributes: session(campaignId, line) },
      afterBot,
    );
  const talkId = (line: "greeting" | "resume", id: string, index: number) =>
    line === "greeting" ? ID.talkIn(id, index) : ID.resumeIn(id, index);
  const talkInOthers = (line: "greeting" | "resume") =>
    others.map(({ campaign: other, botAliasArn }, index) =>
      talk(talkId(line, other.id, index), line, other, botAliasArn, other.id),
    );
  const choose = (id: string, line: "greeting" | "resume", otherwise: ActionId) =>
    compare(id, `$.Attributes.${CONTACT_ATTRIBUTE.campaignId}`, {
      equals: others.map(({ campaign: other }, index) => [other.id, talkId(line, other.id, index)] as const),
      NoMatchingCondition: otherwise,
    });
  // Inbound: a flow before this one (the number's own IVR) may have chosen the campaign; else the default,
  // written to the contact so every later step (transfer, Contact Lens, the KPI) sees it.
  const conversation: FlowAction[] =
    kind === "inbound"
      ? [
          compare(ID.chooseCampaign, `$.Attributes.${CONTACT_ATTRIBUTE.campaignId}`, {
            equals: [
              [campaign.id, ID.talk],
              ...others.map(
                ({ campaign: other }, index) => [other.id, talkId("greeting", other.id, index)] as const,
              ),
            ],
            NoMatchingCondition: ID.setDefaultCampaign,
          }),
          updateContactAttributes(
            ID.setDefaultCampaign,
            { [CONTACT_ATTRIBUTE.campaignId]: campaign.id },
            { next: ID.talk, NoMatchingError: ID.talk },
          ),
          talk(ID.talk, "greeting", campaign, input.botAliasArn, campaign.id),
          ...talkInOthers("greeting"),
        ]
      : [
          compare(ID.callKind, `$.Attributes.${CONTACT_ATTRIBUTE.callKind}`, {
            equals: [[FOLLOW_UP_CALL.value, others.length > 0 ? ID.chooseResumeCampaign : ID.resumeTalk]],
            NoMatchingCondition: others.length > 0 ? ID.chooseCampaign : ID.talk,
          }),
          ...(others.length > 0
            ? [
                choose(ID.chooseCampaign, "greeting", ID.talk),
                choose(ID.chooseResumeCampaign, "resume", ID.resumeTalk),
              ]
            : []),
          // Any other campaign id goes to the code hook as it is: an unknown campaign fails toward a human.
          talk(
            ID.talk,
            "greeting",
            campaign,
            input.botAliasArn,
            `$.Attributes.${CONTACT_ATTRIBUTE.campaignId}`,
          ),
          talk(
            ID.resumeTalk,
            "resume",
            campaign,
            input.botAliasArn,
            `$.Attributes.${CONTACT_ATTRIBUTE.campaignId}`,
          ),
          ...talkInOthers("greeting"),
          ...talkInOthers("resume"),
        ];
  const lex = (key: string): JsonPath => `$.Lex.SessionAttributes.${key}`;
  const decision: FlowAction[] = [
    compare(ID.decided, lex(SESSION.handoff), {
      equals: [["true", ID.routing]],
      NoMatchingCondition: ID.outcome,
    }),
    compare(ID.outcome, lex(SESSION.outcome), {
      equals: [
        ["end", ID.saveOutcome],
        ["nurture", ID.saveOutcome],
      ],
      NoMatchingCondition: ID.fallback,
    }),
    updateContactAttributes(
      ID.saveOutcome,
      { [CONTACT_ATTRIBUTE.outcome]: lex(SESSION.outcome) },
      { next: ID.end, NoMatchingError: ID.end },
    ),
  ];
  return buildFlow({
    name: kind === "inbound" ? "Baton inbound AI" : "Baton outbound AI",
    description:
      kind === "inbound"
        ? "Inbound calls: the Baton AI qualifies the caller and hands off to a closer at the right moment"
        : "Campaign and follow-up calls: the Baton AI greets or resumes, and hands off to a closer",
    start: ID.logging,
    actions: [
      enableFlowLogging(ID.logging, kind === "inbound" ? ID.chooseCampaign : ID.callKind),
      ...conversation,
      ...decision,
      ...transferPath(input),
    ],
  });
}

/**
 * From the AI's handoff to a closer: copy the routing and the screen pop from the Lex session into contact
 * attributes, set the closer's screen pop (DefaultAgentUI hook), pick the queue the function chose, and
 * transfer, but never into an empty or closed queue or one at capacity: then offer a callback and queue it.
 */
function transferPath(input: AiFlowInput): FlowAction[] {
  const { campaign } = input;
  const lex = (key: string): JsonPath => `$.Lex.SessionAttributes.${key}`;
  const copy = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, lex(key)]));
  const fallbackQueue = campaign.routes.system_fallback;
  const queueNames = Object.keys(input.queueArns).sort();
  const fallbackIndex = queueNames.indexOf(fallbackQueue);
  if (fallbackIndex < 0) throw new Error(`no queue ARN for the fallback queue "${fallbackQueue}"`);
  // Every campaign's confirmed facts: the call may be any of them.
  const slots = [
    ...new Set(
      [campaign, ...(input.campaigns ?? []).map((c) => c.campaign)].flatMap((c) =>
        c.slots.map((slot) => slot.name),
      ),
    ),
  ];
  const afterPop = (index: number): ActionId => (index + 1 < slots.length ? ID.popFact(index + 1) : ID.hook);

  return [
    // Routing first: without it there is no handoff to speak of, so its failure takes the fallback.
    updateContactAttributes(
      ID.routing,
      {
        [CONTACT_ATTRIBUTE.trigger]: lex(SESSION.trigger),
        [CONTACT_ATTRIBUTE.queue]: lex(SESSION.queue),
        [CONTACT_ATTRIBUTE.outcome]: lex(SESSION.outcome),
        // The workspace app's handback names the campaign and the lead from these (handback-api).
        [CONTACT_ATTRIBUTE.campaignId]: lex(SESSION.campaignId),
        [CONTACT_ATTRIBUTE.leadId]: lex(SESSION.leadId),
      },
      { next: ID.popSummary, NoMatchingError: ID.fallback },
    ),
    // Any failure inside Baton becomes a handoff to the fallback queue, with the reason on the screen pop.
    updateContactAttributes(
      ID.fallback,
      {
        [CONTACT_ATTRIBUTE.trigger]: "system_fallback",
        [CONTACT_ATTRIBUTE.queue]: fallbackQueue,
        [CONTACT_ATTRIBUTE.outcome]: "handoff",
        [CONTACT_ATTRIBUTE.campaignId]: lex(SESSION.campaignId),
        baton_trigger: "system_fallback",
        baton_summary: LINES.fallbackSummary,
        baton_whisper: LINES.fallbackSummary,
      },
      { next: ID.hook, NoMatchingError: ID.hook },
    ),
    // The screen pop is best effort, in parts: a missing part must never stop the transfer.
    updateContactAttributes(ID.popSummary, copy(SCREEN_POP_KEYS.summary), {
      next: ID.popCaller,
      NoMatchingError: ID.popCaller,
    }),
    updateContactAttributes(ID.popCaller, copy(SCREEN_POP_KEYS.caller), {
      next: ID.popDetails,
      NoMatchingError: ID.popDetails,
    }),
    updateContactAttributes(ID.popDetails, copy(SCREEN_POP_KEYS.details), {
      next: slots.length > 0 ? ID.popFact(0) : ID.hook,
      NoMatchingError: slots.length > 0 ? ID.popFact(0) : ID.hook,
    }),
    ...slots.map((slot, index) =>
      updateContactAttributes(ID.popFact(index), copy([SCREEN_POP_KEYS.confirmed(slot)]), {
        next: afterPop(index),
        NoMatchingError: afterPop(index),
      }),
    ),
    updateContactEventHooks(ID.hook, "DefaultAgentUI", input.screenPopFlowArn, {
      next: ID.queueHook,
      NoMatchingError: ID.queueHook,
    }),
    // Without it the caller would hold in silence while the router plans a callback.
    updateContactEventHooks(ID.queueHook, "CustomerQueue", input.customerQueueFlowArn, {
      next: ID.whisperHook,
      NoMatchingError: ID.whisperHook,
    }),
    // The closer hears the warm brief as the call connects; without it the call still goes through.
    updateContactEventHooks(ID.whisperHook, "AgentWhisper", input.agentWhisperFlowArn, {
      next: ID.chooseQueue,
      NoMatchingError: ID.chooseQueue,
    }),
    compare(ID.chooseQueue, `$.Attributes.${CONTACT_ATTRIBUTE.queue}`, {
      equals: queueNames.map((name, index) => [name, ID.setQueue(index)] as const),
      NoMatchingCondition: ID.setQueue(fallbackIndex),
    }),
    ...queueNames.map((name, index) =>
      updateContactTargetQueue(ID.setQueue(index), input.queueArns[name] ?? "", {
        next: ID.hours,
        // A queue that cannot be set falls back to the fallback queue; the fallback queue to a callback.
        NoMatchingError: index === fallbackIndex ? ID.noCloser : ID.setQueue(fallbackIndex),
      }),
    ),
    checkHoursOfOperation(ID.hours, undefined, {
      open: ID.staffed,
      closed: ID.noCloser,
      NoMatchingError: ID.staffed,
    }),
    checkStaffing(ID.staffed, "NumberOfAgentsStaffed", {
      some: ID.transfer,
      NoMatchingCondition: ID.noCloser,
      NoMatchingError: ID.transfer,
    }),
    transferContactToQueue(ID.transfer, {
      next: ID.end,
      QueueAtCapacity: ID.noCloser,
      NoMatchingError: ID.noCloser,
    }),
    // No closer: the handoff router (Handoff.Requested, no agent available) plans the AI callback; a Connect
    // callback here as well would call the lead twice.
    messageParticipant(ID.noCloser, LINES.noCloser, { next: ID.end, NoMatchingError: ID.end }),
    disconnectParticipant(ID.end),
  ];
}

const QUEUE_ID = {
  logging: "Log this flow",
  route: "Callback planned",
  announce: "Announce callback",
  hold: "Hold line",
  end: "End call",
} as const;

/**
 * The customer-queue flow of Baton's queues (CustomerQueue hook, set by the AI flows before the transfer):
 * while the caller waits it looks at how the handoff router left the contact. Once the router has planned a
 * callback (no closer free), the caller hears when the AI will call back and the call ends politely;
 * otherwise a hold line plays and it looks again (Connect interrupts the flow when a closer takes the call).
 */
export function customerQueueFlow(): Flow {
  const minutes = `$.Attributes.${ROUTE_ATTRIBUTES.callbackInMinutes}`;
  return buildFlow({
    name: "Baton customer queue",
    description: "Callers waiting for a closer: announces the AI callback the router planned, else holds",
    start: QUEUE_ID.logging,
    actions: [
      enableFlowLogging(QUEUE_ID.logging, QUEUE_ID.route),
      compare(QUEUE_ID.route, `$.Attributes.${ROUTE_ATTRIBUTES.route}`, {
        equals: [[ROUTE_ATTRIBUTES.callbackRoute, QUEUE_ID.announce]],
        NoMatchingCondition: QUEUE_ID.hold,
      }),
      messageParticipant(
        QUEUE_ID.announce,
        `Thank you for waiting. No specialist is free right now, so we will call you back in about ${minutes} minutes, with everything we discussed. Goodbye.`,
        { next: QUEUE_ID.end, NoMatchingError: QUEUE_ID.end },
      ),
      messageParticipant(
        QUEUE_ID.hold,
        "Thank you for holding. A specialist will be with you in a moment and will have everything we covered.",
        { next: QUEUE_ID.route, NoMatchingError: QUEUE_ID.route },
      ),
      disconnectParticipant(QUEUE_ID.end),
    ],
  });
}

const TRANSFER_ID = {
  logging: "Log this flow",
  hook: "Set screen pop for closer",
  transfer: "Transfer to closer queue",
  fallbackQueue: "Set fallback queue",
  fallbackTransfer: "Transfer to fallback queue",
  end: "End transfer",
} as const;

/**
 * The transfer-to-queue flow (QUEUE_TRANSFER) the handoff router names in TransferContact when it moves a
 * task or email handoff: the API sets the closers' queue, this flow sets the screen pop and queues the
 * contact there. A full or failing queue falls back to the fallback queue, so the handoff still reaches
 * a person.
 */
export function queueTransferFlow(input: { screenPopFlowArn: string; fallbackQueueArn: string }): Flow {
  return buildFlow({
    name: "Baton queue transfer",
    description: "Task and email handoffs: sets the screen pop and queues the contact for a closer",
    start: TRANSFER_ID.logging,
    actions: [
      enableFlowLogging(TRANSFER_ID.logging, TRANSFER_ID.hook),
      updateContactEventHooks(TRANSFER_ID.hook, "DefaultAgentUI", input.screenPopFlowArn, {
        next: TRANSFER_ID.transfer,
        NoMatchingError: TRANSFER_ID.transfer,
      }),
      transferContactToQueue(TRANSFER_ID.transfer, {
        next: TRANSFER_ID.end,
        QueueAtCapacity: TRANSFER_ID.fallbackQueue,
        NoMatchingError: TRANSFER_ID.fallbackQueue,
      }),
      updateContactTargetQueue(TRANSFER_ID.fallbackQueue, input.fallbackQueueArn, {
        next: TRANSFER_ID.fallbackTransfer,
        NoMatchingError: TRANSFER_ID.end,
      }),
      transferContactToQueue(TRANSFER_ID.fallbackTransfer, {
        next: TRANSFER_ID.end,
        QueueAtCapacity: TRANSFER_ID.end,
        NoMatchingError: TRANSFER_ID.end,
      }),
      disconnectParticipant(TRANSFER_ID.end),
    ],
  });
}

const WHISPER_ID = {
  logging: "Log this flow",
  brief: "Speak warm brief",
  end: "Connect the call",
} as const;

/** What the closer hears before the customer: Baton's name, then the `baton_whisper` line read out. */
export const WARM_BRIEF_TEXT = `Baton handoff. $.Attributes.baton_whisper`;

/**
 * The agent-whisper flow (AGENT_WHISPER, set as the contact's AgentWhisper hook by the AI flows): as a
 * closer accepts the handoff, it speaks the warm brief (functions/domain/warm-brief.ts: who is calling,
 * the one-line summary and the customer's ask in their words) to the closer only, then connects the call.
 */
export function agentWhisperFlow(): Flow {
  return buildFlow({
    name: "Baton warm brief",
    description: "Tells the closer in one line who is calling and what they asked for, as the call connects",
    start: WHISPER_ID.logging,
    actions: [
      enableFlowLogging(WHISPER_ID.logging, WHISPER_ID.brief),
      messageParticipant(WHISPER_ID.brief, WARM_BRIEF_TEXT, {
        next: WHISPER_ID.end,
        NoMatchingError: WHISPER_ID.end,
      }),
      endFlowExecution(WHISPER_ID.end),
    ],
  });
}

/**
 * The closer's screen pop: a guide flow, set as the contact's DefaultAgentUI event hook, whose ShowView puts
 * the AWS managed Detail view in the agent workspace with the `baton_*` contact attributes.
 */
export function screenPopGuideFlow(input: {
  campaign: Campaign;
  detailViewArn: string;
  /** The other campaigns: their slots are shown too (empty on another campaign's calls). */
  campaigns?: readonly Campaign[];
}): Flow {
  // Slot name -> the first campaign's label for it (the default campaign's first).
  const slots = new Map<string, string>();
  for (const campaign of [input.campaign, ...(input.campaigns ?? [])])
    for (const slot of campaign.slots) if (!slots.has(slot.name)) slots.set(slot.name, slot.label);
  const attribute = (key: string) => `$.Attributes.${key}`;
  return buildFlow({
    name: "Baton screen pop",
    description:
      "Shows the closer what the AI confirmed, the tone, the objections and an opener (DefaultAgentUI)",
    start: "Log this flow",
    actions: [
      enableFlowLogging("Log this flow", "Show screen pop"),
      showView(
        "Show screen pop",
        {
          viewArn: input.detailViewArn,
          timeoutSeconds: 3600,
          viewData: {
            Heading: attribute("baton_summary"),
            Description: attribute("baton_opener"),
            AttributeBar: [
              { Label: "Trigger", Value: attribute("baton_trigger") },
              { Label: "Urgency", Value: attribute("baton_urgency") },
              { Label: "Tone", Value: attribute("baton_tone") },
              { Label: "Decided at turn", Value: attribute("baton_decided_turn") },
              ...[...slots].map(([name, label]) => ({
                Label: label,
                Value: attribute(SCREEN_POP_KEYS.confirmed(name)),
              })),
              { Label: "Still missing", Value: attribute("baton_missing") },
              { Label: "Intent", Value: attribute("baton_intents") },
              { Label: "Objections", Value: attribute("baton_objections") },
              { Label: "Why now", Value: attribute("baton_reasons") },
            ],
            Sections: [
              {
                TemplateString:
                  "Confirmed facts are above: do not ask for them again. Continue the conversation with the opener; the caller has already been told a specialist is joining.",
              },
            ],
          },
        },
        {
          NoMatchingCondition: "End screen pop",
          NoMatchingError: "End screen pop",
          TimeLimitExceeded: "End screen pop",
        },
      ),
      disconnectParticipant("End screen pop"),
    ],
  });
}
