import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import {
  agentWhisperFlow,
  aiFlow,
  customerQueueFlow,
  queueTransferFlow,
  screenPopGuideFlow,
} from "../../infra/flows/baton-flows.js";
import { buildFlow, checkFlow, type Flow } from "../../infra/flows/flow.js";
import {
  checkStaffing,
  compare,
  connectParticipantWithLexBot,
  disconnectParticipant,
  endFlowExecution,
  type FlowAction,
  getDigit,
  messageParticipant,
} from "../../infra/flows/language.js";

/**
 * The flow walker against evidence (infra/flows/evidence.md): real exported flows are accepted, and shapes
 * CreateContactFlow is known to refuse are rejected, each with the refusal its source recorded.
 */
const FIXTURES = resolve(import.meta.dirname, "fixtures/flows");
const exported = (file: string) => JSON.parse(readFileSync(resolve(FIXTURES, file), "utf8")) as Flow;

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

/** A flow of one action under test, whose every transition goes to a Disconnect. */
function flowWith(action: FlowAction): Flow {
  return buildFlow({ name: "probe", description: "", start: action.Identifier, actions: [action, END] });
}
const END = disconnectParticipant("End");
const withTransitions = (action: FlowAction, transitions: FlowAction["Transitions"]): FlowAction => ({
  ...action,
  Transitions: transitions,
});
const withoutNext = (action: FlowAction): FlowAction =>
  withTransitions(action, { ...action.Transitions, NextAction: undefined });
const problems = (flow: Flow) => checkFlow(flow).join("\n");

const lex = connectParticipantWithLexBot(
  "Talk",
  { text: "Hi", botAliasArn: input.botAliasArn, sessionAttributes: {} },
  { NoMatchingCondition: "End", NoMatchingError: "End", InputTimeLimitExceeded: "End" },
);
const check = compare("Check", "$.Attributes.x", { equals: [["a", "End"]], NoMatchingCondition: "End" });
const hours: FlowAction = {
  Identifier: "Hours",
  Type: "CheckHoursOfOperation",
  Parameters: {},
  Transitions: {
    NextAction: "End",
    Conditions: [
      { NextAction: "End", Condition: { Operator: "Equals", Operands: ["True"] } },
      { NextAction: "End", Condition: { Operator: "Equals", Operands: ["False"] } },
    ],
    Errors: [{ NextAction: "End", ErrorType: "NoMatchingError" }],
  },
};
const staffed = checkStaffing("Staffed", "NumberOfAgentsStaffed", {
  some: "End",
  NoMatchingCondition: "End",
  NoMatchingError: "End",
});
const digit = getDigit(
  "Digit",
  { text: "Press 1", timeoutSeconds: 5 },
  {
    digits: { "1": "End" },
    InputTimeLimitExceeded: "End",
    NoMatchingCondition: "End",
    NoMatchingError: "End",
  },
);

describe("real exported flows", () => {
  it("accepts Connect's Default queue transfer flow as the console exports it (QUEUE_TRANSFER)", () => {
    // Prepare
    const flow = exported("default-queue-transfer.json");
    // Act
    const found = checkFlow(flow, JSON.stringify, "QUEUE_TRANSFER");
    // Assess
    expect(found).toEqual([]);
  });

  it("accepts an exported contact flow with logging, hours, a Lambda and a transfer", () => {
    // Prepare
    const flow = exported("appointment-line.json");
    // Act
    const found = checkFlow(flow);
    // Assess
    expect(found).toEqual([]);
  });

  it("accepts the builders' menu, staffing and bot actions", () => {
    for (const action of [lex, check, hours, staffed, digit]) expect(checkFlow(flowWith(action))).toEqual([]);
  });
});

describe("shapes CreateContactFlow refuses", () => {
  it.each([
    ["ConnectParticipantWithLexBot", lex],
    ["Compare", check],
    ["CheckHoursOfOperation", hours],
    ["GetParticipantInput", digit],
    ["CheckMetricData", staffed],
  ])("%s without Transitions.NextAction (issue #10 probe; AICC export always has it)", (type, action) => {
    expect(problems(flowWith(withoutNext(action)))).toMatch(new RegExp(`\\(${type}\\) has no NextAction`));
  });

  it("CheckMetricData without NoMatchingCondition (AICC check-staffing: both errors required)", () => {
    const action = withTransitions(staffed, {
      ...staffed.Transitions,
      Errors: [{ NextAction: "End", ErrorType: "NoMatchingError" }],
    });
    expect(problems(flowWith(action))).toMatch(/\(CheckMetricData\) does not handle NoMatchingCondition/);
  });

  it("CheckMetricData or Compare without a condition (AICC: the condition-less variant is not importable)", () => {
    const metric = withTransitions(staffed, { ...staffed.Transitions, Conditions: [] });
    const plain = withTransitions(check, { ...check.Transitions, Conditions: [] });
    expect(problems(flowWith(metric))).toMatch(/\(CheckMetricData\) needs at least one condition/);
    expect(problems(flowWith(plain))).toMatch(/\(Compare\) needs at least one condition/);
  });

  it("Compare with NoMatchingError ('Invalid Action error. Error: NoMatchingError', AICC)", () => {
    const action = withTransitions(check, {
      ...check.Transitions,
      Errors: [...(check.Transitions.Errors ?? []), { NextAction: "End", ErrorType: "NoMatchingError" }],
    });
    expect(problems(flowWith(action))).toMatch(/\(Compare\) cannot raise NoMatchingError/);
  });

  it("CheckHoursOfOperation without the False branch, or with NoMatchingCondition (AICC)", () => {
    const onlyTrue = withTransitions(hours, {
      ...hours.Transitions,
      Conditions: hours.Transitions.Conditions?.slice(0, 1) ?? [],
    });
    const noMatch = withTransitions(hours, {
      ...hours.Transitions,
      Errors: [...(hours.Transitions.Errors ?? []), { NextAction: "End", ErrorType: "NoMatchingCondition" }],
    });
    expect(problems(flowWith(onlyTrue))).toMatch(/needs exactly the True and False conditions/);
    expect(problems(flowWith(noMatch))).toMatch(/\(CheckHoursOfOperation\) cannot raise NoMatchingCondition/);
  });

  it("GetParticipantInput without InputTimeLimitSeconds or InputTimeLimitExceeded (AICC; CATALOG sandbox)", () => {
    const noLimit = { ...digit, Parameters: { Text: "Press 1", StoreInput: "False" } };
    const noTimeout = withTransitions(digit, {
      ...digit.Transitions,
      Errors: digit.Transitions.Errors?.filter((e) => e.ErrorType !== "InputTimeLimitExceeded") ?? [],
    });
    expect(problems(flowWith(noLimit))).toMatch(/InputTimeLimitSeconds must be/);
    expect(problems(flowWith(noTimeout))).toMatch(/does not handle InputTimeLimitExceeded/);
  });

  it("a terminal action with transitions ('Action does not support transitions', AICC)", () => {
    const flow = flowWith(lex);
    flow.Actions[1] = { ...END, Transitions: { NextAction: "Talk" } };
    expect(problems(flow)).toMatch(/\(DisconnectParticipant\) ends the flow and takes no NextAction/);
  });

  it("wrong parameters the API names (AICC common import errors)", () => {
    const cases: Array<[FlowAction, RegExp]> = [
      [
        { ...lex, Parameters: { Text: "Hi", BotAliasArn: input.botAliasArn } },
        /exactly one of LexV2Bot, LexBot/,
      ],
      [
        {
          Identifier: "Say",
          Type: "MessageParticipant",
          Parameters: { Text: "a", SSML: "<speak>a</speak>" },
          Transitions: { NextAction: "End" },
        },
        /exactly one of PromptId, Text, SSML, Media/,
      ],
      [
        {
          Identifier: "Hooks",
          Type: "UpdateContactEventHooks",
          Parameters: { EventHooks: {} },
          Transitions: { NextAction: "End", Errors: [{ NextAction: "End", ErrorType: "NoMatchingError" }] },
        },
        /EventHooks must have exactly one hook/,
      ],
      [
        {
          Identifier: "Log",
          Type: "UpdateFlowLoggingBehavior",
          Parameters: { LoggingBehavior: "Enable" },
          Transitions: { NextAction: "End" },
        },
        /FlowLoggingBehavior must be Enabled or Disabled/,
      ],
      [
        {
          Identifier: "Transfer",
          Type: "TransferContactToQueue",
          Parameters: { QueueId: ARN("queue/x") },
          Transitions: { NextAction: "End", Errors: [{ NextAction: "End", ErrorType: "NoMatchingError" }] },
        },
        /takes no parameters/,
      ],
      [
        {
          Identifier: "Show",
          Type: "ShowView",
          Parameters: {
            ViewResource: { Id: "arn:aws:connect:us-east-1:aws:view/detail:1" },
            InvocationTimeLimitSeconds: "undefined",
          },
          Transitions: {
            NextAction: "End",
            Errors: [
              { NextAction: "End", ErrorType: "NoMatchingError" },
              { NextAction: "End", ErrorType: "NoMatchingCondition" },
              { NextAction: "End", ErrorType: "TimeLimitExceeded" },
            ],
          },
        },
        /InvocationTimeLimitSeconds must be a whole number/,
      ],
    ];
    for (const [action, message] of cases) expect(problems(flowWith(action)), action.Type).toMatch(message);
  });

  it("an invented action type ('Invalid Action type' for CheckStaffing, AICC)", () => {
    const invented = { ...staffed, Type: "CheckStaffing" } as unknown as FlowAction;
    expect(problems(flowWith(invented))).toMatch(/no evidence that Connect accepts this action type/);
  });

  it("an action outside the flow types it belongs to (CATALOG flowTypes)", () => {
    const flow = flowWith(
      withTransitions(
        { ...staffed, Type: "UpdateContactTargetQueue", Parameters: { QueueId: ARN("queue/x") } },
        {
          NextAction: "End",
          Errors: [{ NextAction: "End", ErrorType: "NoMatchingError" }],
        },
      ),
    );
    expect(checkFlow(flow, JSON.stringify, "CUSTOMER_QUEUE").join()).toMatch(
      /not allowed in a CUSTOMER_QUEUE flow/,
    );
  });

  it("a whisper that hangs up, talks to the bot or queues (CATALOG: whispers only speak and end)", () => {
    const whisper = (action: FlowAction) =>
      checkFlow(
        buildFlow({
          name: "probe",
          description: "",
          start: action.Identifier,
          actions: [action, endFlowExecution("End")],
        }),
        JSON.stringify,
        "AGENT_WHISPER",
      ).join("\n");
    expect(checkFlow(flowWith(check), JSON.stringify, "AGENT_WHISPER").join()).toMatch(
      /"End" \(DisconnectParticipant\) is not allowed in a AGENT_WHISPER flow/,
    );
    expect(whisper(lex)).toMatch(
      /"Talk" \(ConnectParticipantWithLexBot\) is not allowed in a AGENT_WHISPER flow/,
    );
    expect(whisper(staffed)).toMatch(/is not allowed in a AGENT_WHISPER flow/);
    const spoken = messageParticipant("Say", "Baton handoff.", { next: "End", NoMatchingError: "End" });
    expect(whisper(spoken)).toBe("");
  });
});

describe("Baton's flows, as the builders write them", () => {
  const flows: Array<[string, Flow, Parameters<typeof checkFlow>[2]]> = [
    ["inbound", aiFlow("inbound", input), "CONTACT_FLOW"],
    ["outbound", aiFlow("outbound", input), "CONTACT_FLOW"],
    ["customer queue", customerQueueFlow(), "CUSTOMER_QUEUE"],
    ["warm brief", agentWhisperFlow(), "AGENT_WHISPER"],
    [
      "queue transfer",
      queueTransferFlow({
        screenPopFlowArn: ARN("contact-flow/screen-pop"),
        fallbackQueueArn: ARN("queue/fallback"),
      }),
      "QUEUE_TRANSFER",
    ],
    [
      "screen pop",
      screenPopGuideFlow({
        campaign: defaultCampaign,
        detailViewArn: "arn:aws:connect:us-east-1:aws:view/detail:1",
      }),
      "CONTACT_FLOW",
    ],
  ];

  it.each(flows)("%s: passes the evidence-based walker", (_name, flow, type) => {
    expect(checkFlow(flow, JSON.stringify, type)).toEqual([]);
  });

  it.each(flows)("%s: every non-terminal action has a NextAction", (_name, flow) => {
    for (const action of flow.Actions) {
      if (action.Type === "DisconnectParticipant" || action.Type === "EndFlowExecution")
        expect(action.Transitions).toEqual({});
      else expect(action.Transitions.NextAction, action.Identifier).toBeTruthy();
    }
  });

  it.each(flows)("%s: turns on flow logging first", (_name, flow) => {
    const start = flow.Actions.find((a) => a.Identifier === flow.StartAction);
    expect(start?.Type).toBe("UpdateFlowLoggingBehavior");
    expect(start?.Parameters).toEqual({ FlowLoggingBehavior: "Enabled" });
  });

  it("puts the console's branch in NextAction: no match for the bot and Compare, False for hours", () => {
    const flow = aiFlow("outbound", input);
    const errorTarget = (a: FlowAction, type: string) =>
      a.Transitions.Errors?.find((e) => e.ErrorType === type)?.NextAction;
    for (const action of flow.Actions) {
      if (action.Type === "ConnectParticipantWithLexBot" || action.Type === "Compare")
        expect(action.Transitions.NextAction).toBe(errorTarget(action, "NoMatchingCondition"));
      if (action.Type === "CheckHoursOfOperation")
        expect(action.Transitions.NextAction).toBe(
          action.Transitions.Conditions?.find((c) => c.Condition.Operands[0] === "False")?.NextAction,
        );
      if (action.Type === "CheckMetricData") {
        expect(errorTarget(action, "NoMatchingCondition")).toBeDefined();
        expect(errorTarget(action, "NoMatchingError")).toBeDefined();
      }
    }
  });
});
