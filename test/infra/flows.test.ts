import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { screenPopAttributes } from "../../functions/domain/screen-pop.js";
import { estimatedContent } from "../../infra/constructs/contact-flows.js";
import {
  agentWhisperFlow,
  aiFlow,
  SCREEN_POP_KEYS,
  screenPopGuideFlow,
  WARM_BRIEF_TEXT,
} from "../../infra/flows/baton-flows.js";
import { checkFlow, FLOW_LIMITS, type Flow, successors } from "../../infra/flows/flow.js";
import { ACTION_RULES, type FlowAction } from "../../infra/flows/language.js";

const ARN = (kind: string) =>
  `arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000/${kind}`;
const input = {
  campaign: defaultCampaign,
  botAliasArn: "arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIASID123",
  queueArns: { "baton-closers": ARN("queue/closers"), "baton-senior-closers": ARN("queue/senior") },
  screenPopFlowArn: ARN("contact-flow/screen-pop"),
  customerQueueFlowArn: ARN("contact-flow/customer-queue"),
  agentWhisperFlowArn: ARN("contact-flow/agent-whisper"),
};
/** A second campaign with its own bot, as the stack passes it when a campaign's Lex section differs. */
const insurance = {
  campaign: {
    ...defaultCampaign,
    id: "insurance-quotes",
    script: {
      ...defaultCampaign.script,
      greeting: "Harbor Mutual, how can I help?",
      resume: "Welcome back.",
    },
  },
  botAliasArn: "arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID67890/ALIASID456",
};
const withCampaigns = {
  ...input,
  campaigns: [{ campaign: defaultCampaign, botAliasArn: input.botAliasArn }, insurance],
};
const FLOWS: Record<string, Flow> = {
  inbound: aiFlow("inbound", input),
  outbound: aiFlow("outbound", input),
  "inbound with two campaigns": aiFlow("inbound", withCampaigns),
  "outbound with two campaigns": aiFlow("outbound", withCampaigns),
  screenPop: screenPopGuideFlow({
    campaign: defaultCampaign,
    detailViewArn: "arn:aws:connect:us-east-1:aws:view/detail:1",
  }),
};
const byId = (flow: Flow) => new Map(flow.Actions.map((action) => [action.Identifier, action]));
const find = (flow: Flow, type: FlowAction["Type"]) => flow.Actions.filter((action) => action.Type === type);

/** All paths' action types from the start, breadth first, stopping at `stop`. */
function pathTo(flow: Flow, from: string, to: string): string[] | null {
  const actions = byId(flow);
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (id === to) {
      const path = [id];
      while (previous.has(path[0] as string)) path.unshift(previous.get(path[0] as string) as string);
      return path;
    }
    for (const next of successors(actions.get(id) as FlowAction)) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, id);
      queue.push(next);
    }
  }
  return null;
}

describe.each(Object.entries(FLOWS))("the %s flow", (_name, flow) => {
  it("passes the flow walker: no dangling transitions, all reachable, every error handled", () => {
    expect(checkFlow(flow, estimatedContent)).toEqual([]);
  });

  it("has valid identifiers, at most 250 actions and content under 256,000 characters", () => {
    expect(flow.Version).toBe("2019-10-30");
    expect(flow.Actions.length).toBeLessThanOrEqual(FLOW_LIMITS.actions);
    for (const { Identifier } of flow.Actions) {
      expect(Identifier.length).toBeLessThanOrEqual(50);
      expect(Identifier).not.toMatch(/[%:(\\/)=$,;[\]{}]/);
    }
    expect(estimatedContent(flow).length).toBeLessThan(256_000);
  });

  it("handles every error each action can raise (more than the service requires), and no other", () => {
    for (const action of flow.Actions) {
      const handled = (action.Transitions.Errors ?? []).map((error) => error.ErrorType).sort();
      expect(handled, action.Identifier).toEqual([...ACTION_RULES[action.Type].errors].sort());
    }
  });

  it("lays every action out for the flow designer", () => {
    expect(Object.keys(flow.Metadata.ActionMetadata).sort()).toEqual(
      flow.Actions.map((a) => a.Identifier).sort(),
    );
  });
});

describe("the AI flows", () => {
  it.each(["inbound", "outbound"])("%s: the bot gets the contact id, lead and campaign", (name) => {
    const bots = find(FLOWS[name] as Flow, "ConnectParticipantWithLexBot");
    expect(bots.length).toBeGreaterThan(0);
    for (const bot of bots) {
      expect(bot.Parameters.LexV2Bot).toEqual({ AliasArn: input.botAliasArn });
      expect(bot.Parameters.LexSessionAttributes).toMatchObject({
        contactId: "$.ContactId",
        leadId: "$.Attributes.leadId",
        customerPhone: "$.CustomerEndpoint.Address",
      });
    }
  });

  it("tells the bot the direction and the contact a call continues, for the closer's screen pop", () => {
    const sessions = (name: string) =>
      find(FLOWS[name] as Flow, "ConnectParticipantWithLexBot").map(
        (bot) => bot.Parameters.LexSessionAttributes as Record<string, string>,
      );
    for (const session of sessions("inbound"))
      expect(session).toMatchObject({ direction: "inbound", previousContactId: "$.PreviousContactId" });
    const outbound = sessions("outbound");
    expect(outbound).toContainEqual(
      expect.objectContaining({ direction: "outbound", previousContactId: "$.PreviousContactId" }),
    );
    // A follow-up call links back to the call it follows up (start-callback sets the attribute).
    expect(outbound).toContainEqual(
      expect.objectContaining({
        direction: "callback",
        previousContactId: "$.Attributes.baton_follows_contact",
      }),
    );
  });

  it("greets inbound callers with the campaign's line, and resumes follow-up calls", () => {
    const [inboundBot] = find(FLOWS.inbound as Flow, "ConnectParticipantWithLexBot");
    expect(inboundBot?.Parameters.Text).toBe(defaultCampaign.script.greeting);
    expect(inboundBot?.Parameters.LexSessionAttributes).toMatchObject({ campaignId: defaultCampaign.id });
    const outboundTexts = find(FLOWS.outbound as Flow, "ConnectParticipantWithLexBot").map(
      (a) => a.Parameters.Text,
    );
    expect(outboundTexts.sort()).toEqual(
      [defaultCampaign.script.greeting, defaultCampaign.script.resume].sort(),
    );
  });

  it("inbound: a known campaignId on the contact picks its greeting and bot; none sets the default campaign", () => {
    // Prepare
    const flow = FLOWS["inbound with two campaigns"] as Flow;
    const actions = byId(flow);
    const choose = actions.get("Which campaign");
    // Assess
    expect(choose?.Parameters.ComparisonValue).toBe("$.Attributes.campaignId");
    const branches = Object.fromEntries(
      (choose?.Transitions.Conditions ?? []).map((c) => [c.Condition.Operands[0], c.NextAction]),
    );
    const other = actions.get(branches["insurance-quotes"] as string);
    expect(other?.Parameters).toMatchObject({
      Text: insurance.campaign.script.greeting,
      LexV2Bot: { AliasArn: insurance.botAliasArn },
      LexSessionAttributes: { campaignId: "insurance-quotes" },
    });
    const fallback = actions.get(choose?.Transitions.NextAction as string);
    expect(fallback?.Type).toBe("UpdateContactAttributes");
    expect(fallback?.Parameters.Attributes).toEqual({ campaignId: defaultCampaign.id });
    const talk = actions.get(fallback?.Transitions.NextAction as string);
    expect(talk?.Parameters).toMatchObject({
      Text: defaultCampaign.script.greeting,
      LexV2Bot: { AliasArn: input.botAliasArn },
      LexSessionAttributes: { campaignId: defaultCampaign.id },
    });
    expect(branches[defaultCampaign.id]).toBe(talk?.Identifier);
  });

  it("outbound: each campaign greets or resumes with its bot; an unknown one reaches the code hook as it is", () => {
    // Prepare
    const flow = FLOWS["outbound with two campaigns"] as Flow;
    const bots = find(flow, "ConnectParticipantWithLexBot").map((bot) => ({
      text: bot.Parameters.Text,
      alias: (bot.Parameters.LexV2Bot as { AliasArn: string }).AliasArn,
      campaignId: (bot.Parameters.LexSessionAttributes as Record<string, string>).campaignId,
    }));
    // Assess
    const own = bots.filter((bot) => bot.alias === insurance.botAliasArn);
    expect(own.map((bot) => bot.text).sort()).toEqual(
      [insurance.campaign.script.greeting, insurance.campaign.script.resume].sort(),
    );
    for (const bot of own) expect(bot.campaignId).toBe("insurance-quotes");
    const defaults = bots.filter((bot) => bot.alias === input.botAliasArn);
    for (const bot of defaults) expect(bot.campaignId).toBe("$.Attributes.campaignId");
    expect(defaults.length).toBe(2);
  });

  it.each(["inbound", "outbound"])(
    "%s: a handoff reaches TransferContactToQueue through the screen pop hook",
    (name) => {
      const flow = FLOWS[name] as Flow;
      const decided = flow.Actions.find(
        (a) => a.Type === "Compare" && a.Parameters.ComparisonValue === "$.Lex.SessionAttributes.handoff",
      );
      expect(decided?.Transitions.Conditions?.[0]?.Condition).toEqual({
        Operator: "Equals",
        Operands: ["true"],
      });
      const [transfer] = find(flow, "TransferContactToQueue");
      const path = pathTo(flow, decided?.Identifier ?? "", transfer?.Identifier ?? "") ?? [];
      const types = path.map((id) => byId(flow).get(id)?.Type);
      expect(types).toContain("UpdateContactAttributes");
      expect(types.indexOf("UpdateContactEventHooks")).toBeLessThan(
        types.indexOf("UpdateContactTargetQueue"),
      );
      expect(types.slice(-4)).toEqual([
        "UpdateContactTargetQueue",
        "CheckHoursOfOperation",
        "CheckMetricData",
        "TransferContactToQueue",
      ]);
      const hooks = find(flow, "UpdateContactEventHooks").map((h) => h.Parameters.EventHooks);
      expect(hooks).toEqual([
        { DefaultAgentUI: input.screenPopFlowArn },
        { CustomerQueue: input.customerQueueFlowArn },
        { AgentWhisper: input.agentWhisperFlowArn },
      ]);
    },
  );

  it("never queues into a full, closed or empty queue, and never books a second callback there", () => {
    const flow = FLOWS.inbound as Flow;
    const actions = byId(flow);
    const [transfer] = find(flow, "TransferContactToQueue");
    const [hours] = find(flow, "CheckHoursOfOperation");
    const [staffed] = find(flow, "CheckMetricData");
    const errorTarget = (action: FlowAction | undefined, type: string) =>
      action?.Transitions.Errors?.find((error) => error.ErrorType === type)?.NextAction;
    const noCloser = errorTarget(transfer, "QueueAtCapacity");
    expect(hours?.Transitions.Conditions?.find((c) => c.Condition.Operands[0] === "False")?.NextAction).toBe(
      noCloser,
    );
    expect(errorTarget(staffed, "NoMatchingCondition")).toBe(noCloser);
    expect(staffed?.Parameters.MetricType).toBe("NumberOfAgentsStaffed");
    // The handoff router plans the one (AI) callback; the flow tells the caller and ends politely.
    const told = actions.get(noCloser ?? "");
    expect(told?.Type).toBe("MessageParticipant");
    expect(String(told?.Parameters.Text)).toMatch(/call you back/);
    expect(actions.get(told?.Transitions.NextAction ?? "")?.Type).toBe("DisconnectParticipant");
    expect(flow.Actions.map((a) => a.Type)).not.toContain("GetParticipantInput");
  });

  it("routes each campaign queue name to its queue ARN, and anything else to the fallback queue", () => {
    const flow = FLOWS.inbound as Flow;
    const actions = byId(flow);
    const choose = flow.Actions.find(
      (a) => a.Type === "Compare" && a.Parameters.ComparisonValue === "$.Attributes.handoff_queue",
    );
    const queueOf = (id: string | undefined) => actions.get(id ?? "")?.Parameters.QueueId;
    for (const condition of choose?.Transitions.Conditions ?? []) {
      const name = condition.Condition.Operands[0] as keyof typeof input.queueArns;
      expect(queueOf(condition.NextAction)).toBe(input.queueArns[name]);
    }
    const fallback = choose?.Transitions.Errors?.[0]?.NextAction;
    expect(queueOf(fallback)).toBe(
      input.queueArns[defaultCampaign.routes.system_fallback as "baton-closers"],
    );
  });

  it("copies every screen-pop attribute the conversation-turn function sets", () => {
    const pop = screenPopAttributes({
      contactId: "c-1",
      campaignId: "default",
      trigger: "qualified",
      decidedAtTurn: 5,
      summary: "s",
      opener: "o",
      confirmed: defaultCampaign.slots.map((slot) => ({
        slot: slot.name,
        label: slot.label,
        value: "v",
        turn: 1,
        confidence: 0.9,
        quote: "q",
      })),
      missing: [],
      intentTags: ["t"],
      tone: { label: "neutral", trend: "steady", sarcasm: false },
      urgency: "low",
      objections: [],
      reasons: ["r"],
      ask: { turn: 4, said: "Can you send me a quote for 30 seats?", headline: "Wants a quote for 30 seats" },
      caller: {
        name: "Ana",
        phone: "+15555550100",
        company: "Acme",
        direction: "inbound",
        returning: true,
        previousContactId: "c-0",
        lastHandbackNote: "n",
      },
      language: { name: "Spanish", campaignSpeaks: false },
      transcript: [],
    });
    const copied = new Set(
      find(FLOWS.inbound as Flow, "UpdateContactAttributes").flatMap((a) =>
        Object.keys(a.Parameters.Attributes as Record<string, string>),
      ),
    );
    for (const key of Object.keys(pop)) expect(copied, key).toContain(key);
    expect(SCREEN_POP_KEYS.confirmed("budget")).toBe("baton_confirmed_budget");
  });

  it("fails toward a human: Lex errors and unknown outcomes take the fallback handoff", () => {
    const flow = FLOWS.inbound as Flow;
    const [bot] = find(flow, "ConnectParticipantWithLexBot");
    const fallback = flow.Actions.find(
      (a) =>
        a.Type === "UpdateContactAttributes" &&
        (a.Parameters.Attributes as Record<string, string>).handoff_trigger === "system_fallback",
    );
    expect(bot?.Transitions.Errors?.find((e) => e.ErrorType === "NoMatchingError")?.NextAction).toBe(
      fallback?.Identifier,
    );
    const [transfer] = find(flow, "TransferContactToQueue");
    expect(pathTo(flow, fallback?.Identifier ?? "", transfer?.Identifier ?? "")).not.toBeNull();
  });
});

describe("the warm brief", () => {
  const whisper = agentWhisperFlow();

  it("speaks the baton_whisper line to the closer, then lets the call connect", () => {
    const [start, spoken, end] = whisper.Actions;
    expect(start?.Type).toBe("UpdateFlowLoggingBehavior");
    expect(spoken).toMatchObject({ Type: "MessageParticipant", Parameters: { Text: WARM_BRIEF_TEXT } });
    expect(WARM_BRIEF_TEXT).toContain("$.Attributes.baton_whisper");
    expect(end).toMatchObject({ Type: "EndFlowExecution", Transitions: {} });
    expect(checkFlow(whisper, JSON.stringify, "AGENT_WHISPER")).toEqual([]);
  });

  it.each(["inbound", "outbound"])("is set by the %s flow before the transfer, on every path", (name) => {
    const flow = FLOWS[name] as Flow;
    const hook = find(flow, "UpdateContactEventHooks").find(
      (action) => (action.Parameters.EventHooks as Record<string, string>).AgentWhisper,
    );
    expect(hook?.Parameters.EventHooks).toEqual({ AgentWhisper: input.agentWhisperFlowArn });
    const [transfer] = find(flow, "TransferContactToQueue");
    // The hook's failure still goes on to the transfer.
    for (const next of successors(hook as FlowAction))
      expect(pathTo(flow, next, transfer?.Identifier ?? "")).not.toBeNull();
    const fallback = flow.Actions.find(
      (a) =>
        (a.Parameters.Attributes as Record<string, string> | undefined)?.handoff_trigger ===
        "system_fallback",
    );
    expect(pathTo(flow, fallback?.Identifier ?? "", hook?.Identifier ?? "")).not.toBeNull();
    expect((fallback?.Parameters.Attributes as Record<string, string> | undefined)?.baton_whisper).toMatch(
      /could not continue/,
    );
  });

  it("keeps the campaign and the lead on the contact for the workspace app's handback", () => {
    const routing = find(FLOWS.inbound as Flow, "UpdateContactAttributes").find(
      (a) =>
        (a.Parameters.Attributes as Record<string, string>).handoff_trigger ===
        "$.Lex.SessionAttributes.handoff_trigger",
    );
    expect(routing?.Parameters.Attributes).toMatchObject({
      campaignId: "$.Lex.SessionAttributes.campaignId",
      leadId: "$.Lex.SessionAttributes.leadId",
    });
  });
});

describe("the screen pop guide flow", () => {
  it("shows the managed Detail view with the baton_* attributes", () => {
    const [show] = find(FLOWS.screenPop as Flow, "ShowView");
    expect(show?.Parameters.ViewResource).toEqual({ Id: "arn:aws:connect:us-east-1:aws:view/detail:1" });
    const data = show?.Parameters.ViewData as { Heading: string; AttributeBar: Array<{ Value: string }> };
    expect(data.Heading).toBe("$.Attributes.baton_summary");
    expect(data.AttributeBar.map((entry) => entry.Value)).toContain("$.Attributes.baton_confirmed_budget");
  });
});

describe("the flow walker", () => {
  const good = FLOWS.inbound as Flow;
  const broken = (change: (actions: FlowAction[]) => FlowAction[]): Flow => ({
    ...good,
    Actions: change(structuredClone(good.Actions)),
  });

  it("finds a dangling transition", () => {
    const flow = broken((actions) => {
      (actions[0] as FlowAction).Transitions.Errors = [
        { NextAction: "Nowhere", ErrorType: "NoMatchingError" },
      ];
      return actions;
    });
    expect(checkFlow(flow).join()).toMatch(/goes to "Nowhere", which is no action/);
    expect(checkFlow(flow).join()).toMatch(/cannot raise NoMatchingError/);
  });

  it("finds an unreachable action, a bad identifier, too many actions and too much content", () => {
    const extra: FlowAction = {
      Identifier: "Lost: (here)",
      Type: "DisconnectParticipant",
      Parameters: {},
      Transitions: {},
    };
    const flow = broken((actions) => [...actions, extra]);
    const problems = checkFlow(flow).join("\n");
    expect(problems).toMatch(/"Lost: \(here\)" is not reachable/);
    expect(problems).toMatch(/identifier "Lost: \(here\)" has one of/);
    const many = broken((actions) => [
      ...actions,
      ...Array.from({ length: 250 }, (_, i): FlowAction => ({ ...extra, Identifier: `Extra ${i}` })),
    ]);
    expect(checkFlow(many).join()).toMatch(/actions, at most 250/);
    expect(checkFlow(good, () => "x".repeat(256_001)).join()).toMatch(/content is 256001 characters/);
  });

  it("finds a missing NextAction and an operator the action does not accept", () => {
    const flow = broken((actions) =>
      actions.map((action) =>
        action.Type === "UpdateContactTargetQueue"
          ? { ...action, Transitions: { ...action.Transitions, NextAction: undefined } }
          : action.Type === "Compare"
            ? {
                ...action,
                Transitions: {
                  ...action.Transitions,
                  Conditions: [
                    {
                      NextAction: action.Identifier,
                      Condition: { Operator: "NumberEquals" as "Equals", Operands: ["1"] },
                    },
                  ],
                },
              }
            : action,
      ),
    );
    const problems = checkFlow(flow).join("\n");
    expect(problems).toMatch(/\(UpdateContactTargetQueue\) has no NextAction/);
    expect(problems).toMatch(/\(Compare\) does not accept the NumberEquals operator/);
    expect(problems).toMatch(/goes to itself/);
  });
});
