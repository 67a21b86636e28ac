import { Stack } from "aws-cdk-lib";
import { CfnContactFlow } from "aws-cdk-lib/aws-connect";
import { Construct } from "constructs";
import type { Campaign } from "../../contracts/campaign.js";
import {
  agentWhisperFlow,
  aiFlow,
  customerQueueFlow,
  queueTransferFlow,
  screenPopGuideFlow,
} from "../flows/baton-flows.js";
import { assertValidFlow, FLOW_LIMITS, type Flow } from "../flows/flow.js";
import type { FlowType } from "../flows/language.js";
import { scopedName } from "../names.js";

export interface ContactFlowsProps {
  instanceArn: string;
  campaign: Campaign;
  botAliasArn: string;
  /** Every campaign the deployment serves, with its bot's alias (the default among them). */
  campaigns?: ReadonlyArray<{ campaign: Campaign; botAliasArn: string }>;
  queueArns: Record<string, string>;
}

/**
 * The contact flows, built from the typed builders in infra/flows and checked by the flow walker at synth:
 * the screen-pop guide flow (DefaultAgentUI), the customer-queue flow (CustomerQueue), the warm-brief
 * whisper flow (AgentWhisper), the inbound AI flow, the outbound AI flow and the queue-transfer flow the
 * handoff router names when it moves a task or email handoff (TransferContact). Flow logs are on in every flow (UpdateFlowLoggingBehavior first).
 */
export class ContactFlows extends Construct {
  readonly screenPop: CfnContactFlow;
  readonly customerQueue: CfnContactFlow;
  readonly agentWhisper: CfnContactFlow;
  readonly inbound: CfnContactFlow;
  readonly outbound: CfnContactFlow;
  readonly queueTransfer: CfnContactFlow;
  /** The flows as built, by logical name (for tests and docs). */
  readonly definitions: Record<
    "screenPop" | "customerQueue" | "agentWhisper" | "inbound" | "outbound" | "queueTransfer",
    Flow
  >;
  private readonly instanceArn: string;

  constructor(scope: Construct, id: string, props: ContactFlowsProps) {
    super(scope, id);
    this.instanceArn = props.instanceArn;
    const { region, partition } = Stack.of(this);
    // The AWS managed Detail view, version 1 (AWS managed views take the version in the id).
    const detailViewArn = `arn:${partition}:connect:${region}:aws:view/detail:1`;
    const screenPop = screenPopGuideFlow({
      campaign: props.campaign,
      detailViewArn,
      campaigns: (props.campaigns ?? []).map((entry) => entry.campaign),
    });
    this.screenPop = this.flow("ScreenPop", screenPop);
    const customerQueue = customerQueueFlow();
    this.customerQueue = this.flow("CustomerQueue", customerQueue, "CUSTOMER_QUEUE");
    const agentWhisper = agentWhisperFlow();
    this.agentWhisper = this.flow("AgentWhisper", agentWhisper, "AGENT_WHISPER");
    const input = {
      campaign: props.campaign,
      botAliasArn: props.botAliasArn,
      campaigns: props.campaigns ?? [],
      queueArns: props.queueArns,
      screenPopFlowArn: this.screenPop.attrContactFlowArn,
      customerQueueFlowArn: this.customerQueue.attrContactFlowArn,
      agentWhisperFlowArn: this.agentWhisper.attrContactFlowArn,
    };
    const inbound = aiFlow("inbound", input);
    const outbound = aiFlow("outbound", input);
    this.inbound = this.flow("InboundAi", inbound);
    this.outbound = this.flow("OutboundAi", outbound);
    const fallbackQueueArn = props.queueArns[props.campaign.routes.system_fallback];
    if (!fallbackQueueArn)
      throw new Error(`no queue ARN for the fallback queue "${props.campaign.routes.system_fallback}"`);
    const queueTransfer = queueTransferFlow({
      screenPopFlowArn: this.screenPop.attrContactFlowArn,
      fallbackQueueArn,
    });
    this.queueTransfer = this.flow("QueueTransfer", queueTransfer, "QUEUE_TRANSFER");
    this.definitions = { screenPop, customerQueue, agentWhisper, inbound, outbound, queueTransfer };
  }

  private flow(id: string, flow: Flow, type: FlowType = "CONTACT_FLOW"): CfnContactFlow {
    assertValidFlow(flow, estimatedContent, type);
    return new CfnContactFlow(this, id, {
      instanceArn: this.instanceArn,
      name: scopedName(this, flow.Metadata.name, " "),
      description: flow.Metadata.description,
      type,
      state: "ACTIVE",
      content: Stack.of(this).toJsonString(flow),
    });
  }
}

/** The content as deployed, with every unresolved token (an ARN known at deploy time) counted at its longest. */
export function estimatedContent(flow: Flow): string {
  return JSON.stringify(flow).replace(/\$\{Token\[[^\]]+\]\}/g, "x".repeat(FLOW_LIMITS.tokenChars));
}
