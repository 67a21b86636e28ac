import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { busRules } from "../../contracts/bus-rules.js";
import { ConnectContactEvent } from "../../contracts/connect-contact-event.js";
import { HandbackRequested } from "../../contracts/events/catalog.js";
import { LexV2Event } from "../../contracts/lex-v2.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { warmBrief } from "../../functions/domain/warm-brief.js";
import { CallRecord } from "../../local/api/call-api.js";
import { DeskEntry } from "../../local/api/desk-api.js";
import type { BusRecord } from "../../local/bus/local-bus.js";
import type { LexExchange } from "../../local/calls/call-service.js";
import { type LocalStack, startLocalStack } from "../../local/stack.js";
import { DataDirInUseError } from "../../local/support/data-lock.js";
import { memoryLog } from "../../local/support/log.js";
import { PortInUseError } from "../../local/web/http-server.js";
import { HUMAN_REQUEST_CALL } from "./engine-events.js";

const CallResponse = z.looseObject({ call: CallRecord, applied: z.boolean().optional() });
const EntryResponse = z.looseObject({ entry: DeskEntry });

let root: string;
let dataDir: string;
let stack: LocalStack;
const records: BusRecord[] = [];

/** What the engine decides, not how fast: a loaded machine must not turn these calls into deadline fallbacks. */
const SLOW_OK = 60_000;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "baton-stack-test-"));
  dataDir = join(root, "data");
  stack = await startLocalStack({
    dataDir,
    port: 0,
    log: memoryLog(),
    busBaseDelayMs: 5,
    turnDeadlineMs: SLOW_OK,
  });
  stack.bus.subscribe((record) => records.push(record));
});

afterAll(async () => {
  await stack?.stop();
  await rm(root, { recursive: true, force: true });
});

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${stack.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function say(callId: string, text: string, turnId = randomUUID()) {
  const response = await post(`/api/calls/${callId}/turns`, { text, turnId });
  expect(response.status).toBe(200);
  return CallResponse.parse(await response.json());
}

async function newCall(): Promise<CallRecord> {
  const response = await post("/api/calls", { campaignId: "default" });
  expect(response.status).toBe(201);
  return CallResponse.parse(await response.json()).call;
}

/** A call handed off on its third line, with need and budget confirmed. */
async function handedOffCall(): Promise<CallRecord> {
  const call = await newCall();
  let current = call;
  for (const line of HUMAN_REQUEST_CALL) current = (await say(call.callId, line)).call;
  await stack.bus.settled();
  return current;
}

it("evaluates exactly the rules the CDK app deploys (one definition in contracts/bus-rules.ts)", () => {
  expect(stack.bus.rules).toEqual(busRules([defaultCampaign]));
});

describe("a call typed through the console API", () => {
  it("runs the conversation-turn code on real Lex events and lands the screen pop on the desk", async () => {
    const call = await handedOffCall();
    expect(call.status).toBe("handed_off");
    expect(call.outcome).toMatchObject({
      action: "handoff",
      trigger: "customer_request",
      queue: "baton-closers",
      customerTurns: 3,
    });
    // What the contact flow reads after Lex closes the intent.
    expect(call.sessionAttributes).toMatchObject({
      handoff: "true",
      handoff_trigger: "customer_request",
      baton_trigger: "customer_request",
    });
    expect(call.transcript.map((line) => line.speaker)).toEqual([
      "ai",
      "customer",
      "ai",
      "customer",
      "ai",
      "customer",
      "ai",
    ]);

    const response = await fetch(`${stack.url}/api/desk/${call.contactId}`);
    const { entry } = EntryResponse.parse(await response.json());
    expect(entry).toMatchObject({
      status: "waiting",
      trigger: "customer_request",
      queue: "baton-closers",
      leadId: call.leadId,
    });
    const facts = Object.fromEntries(entry.screenPop.confirmed.map((fact) => [fact.slot, fact.value]));
    expect(facts).toMatchObject({ need: "replace_phone_system", budget: "20000/yr" });
    // The line the closer would hear in Connect's whisper, for the desk to show.
    expect(entry.warmBrief).toBe(warmBrief(entry.screenPop));
    expect(entry.warmBrief).toContain(entry.screenPop.summary);
  });

  it("carries the answer's session attributes into the next Lex event, as Lex does", async () => {
    const exchanges: LexExchange[] = [];
    const stopListening = stack.calls.onExchange((exchange) => exchanges.push(exchange));
    const call = await newCall();
    for (const line of HUMAN_REQUEST_CALL) await say(call.callId, line);
    stopListening();
    const mine = exchanges.filter((exchange) => exchange.callId === call.callId);
    expect(mine).toHaveLength(3);
    // The first event carries what the flow sets; each later one carries the previous answer's attributes.
    expect(mine[0]?.event.sessionState.sessionAttributes).toEqual({
      contactId: call.contactId,
      leadId: call.leadId,
      campaignId: "default",
      direction: "inbound",
    });
    for (let index = 1; index < mine.length; index++) {
      expect(mine[index]?.event.sessionState.sessionAttributes).toEqual(
        mine[index - 1]?.response.sessionState.sessionAttributes,
      );
    }
    // Every event is a Lex V2 code hook event by the contract the deployed handler parses.
    for (const exchange of mine) expect(LexV2Event.safeParse(exchange.event).success).toBe(true);
    expect(mine[2]?.response.sessionState.dialogAction.type).toBe("Close");
  });

  it("answers a resent turn without applying it twice", async () => {
    const call = await newCall();
    const turnId = randomUUID();
    const first = await say(call.callId, "Sure, we are looking to replace our old PBX.", turnId);
    const again = await say(call.callId, "Sure, we are looking to replace our old PBX.", turnId);
    expect(first.applied).toBe(true);
    expect(again.applied).toBe(false);
    expect(again.call.transcript.filter((line) => line.speaker === "customer")).toHaveLength(1);
  });

  it("plays a persona server-side until the call closes", async () => {
    const call = await newCall();
    // Told when the call closes, instead of polling against a clock.
    let stopListening = () => {};
    const closed = new Promise<void>((resolve) => {
      stopListening = stack.calls.onChange((changed) => {
        if (changed.callId === call.callId && changed.status !== "active") resolve();
      });
    });
    const response = await post(`/api/calls/${call.callId}/persona`, {
      personaId: "asks-for-human",
      paceMs: 0,
    });
    expect(response.status).toBe(202);
    await closed.finally(stopListening);
    const current = await stack.calls.get(call.callId);
    expect(current.status).toBe("handed_off");
  });

  it("starts a persona's call and its lines in one request, so a tab closed at once loses nothing", async () => {
    // Prepare: told when a call closes, instead of polling against a clock.
    const closedCalls = new Set<string>();
    let wake = () => {};
    const stopListening = stack.calls.onChange((changed) => {
      if (changed.status !== "active") closedCalls.add(changed.callId);
      wake();
    });
    // Act: the one request a console makes; nothing else is sent for this call.
    const response = await post("/api/calls", { personaId: "asks-for-human", play: true, paceMs: 0 });
    const call = CallResponse.parse(await response.json()).call;
    await new Promise<void>((resolve) => {
      wake = () => closedCalls.has(call.callId) && resolve();
      wake();
    }).finally(stopListening);
    // Assess
    expect(response.status).toBe(201);
    expect(call.campaignId).toBe("default");
    expect((await stack.calls.get(call.callId)).status).toBe("handed_off");
  });
});

describe("bad requests get a clear answer", () => {
  it.each([
    ["a text that is not a string", { text: 5, turnId: "turn-12345" }, 400, "text: "],
    ["an empty text", { text: "  ", turnId: "turn-12345" }, 400, "text: say something"],
    ["no turn id", { text: "hello" }, 400, "turnId: "],
    ["a body that is not JSON", "{oops", 400, "not valid JSON"],
  ])("%s", async (_case, body, status, message) => {
    const call = await newCall();
    const response = await post(`/api/calls/${call.callId}/turns`, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });

  it("an unknown call, campaign or desk entry, and a turn after the call ended", async () => {
    expect((await post("/api/calls/nope/turns", { text: "hi", turnId: "turn-12345" })).status).toBe(404);
    const unknownCampaign = await post("/api/calls", { campaignId: "no-such-campaign" });
    expect(unknownCampaign.status).toBe(400);
    expect(((await unknownCampaign.json()) as { error: string }).error).toContain(
      'unknown campaign "no-such-campaign"',
    );
    expect((await fetch(`${stack.url}/api/desk/nope`)).status).toBe(404);
    const ended = await handedOffCall();
    const late = await post(`/api/calls/${ended.callId}/turns`, { text: "hello?", turnId: "turn-late-1" });
    expect(late.status).toBe(409);
  });

  it("a handback before accept, without a note, without a time, or with a time in the past", async () => {
    const call = await handedOffCall();
    const followUpAt = new Date(Date.now() + 3_600_000).toISOString();
    const early = await post(`/api/desk/${call.contactId}/handback`, { note: "x", followUpAt });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { error: string }).error).toContain("accept the call");
    await post(`/api/desk/${call.contactId}/accept`, { agent: "ana" });
    const noNote = await post(`/api/desk/${call.contactId}/handback`, { note: "  ", followUpAt });
    expect(noNote.status).toBe(400);
    expect(((await noNote.json()) as { error: string }).error).toContain("note");
    const missing = await post(`/api/desk/${call.contactId}/handback`, { note: "x" });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toContain("followUpAt");
    const past = await post(`/api/desk/${call.contactId}/handback`, {
      note: "x",
      followUpAt: "2001-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: string }).error).toContain("not in the future");
  });
});

describe("the closer's actions", () => {
  it("accept tells the bus the contact reached an agent (a Connect contact event for the KPI rule)", async () => {
    const call = await handedOffCall();
    const response = await post(`/api/desk/${call.contactId}/accept`, { agent: "ana" });
    expect(EntryResponse.parse(await response.json()).entry).toMatchObject({
      status: "accepted",
      acceptedBy: "ana",
    });
    await stack.bus.settled();
    const delivered = records.filter(
      (record) =>
        record.kind === "delivered" &&
        record.target === "handoff-kpi" &&
        record.event.source === "aws.connect",
    );
    const types = delivered.map(
      (record) => record.event.detail as { eventType?: string; contactId?: string },
    );
    expect(types).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventType: "QUEUED", contactId: call.contactId }),
        expect.objectContaining({ eventType: "CONNECTED_TO_AGENT", contactId: call.contactId }),
      ]),
    );
  });

  it("hand back publishes Handback.Requested, which the scheduler records once", async () => {
    const call = await handedOffCall();
    const followUpAt = new Date(Date.now() + 3_600_000).toISOString();
    const body = { note: "Send the pricing sheet first", followUpAt, requestedBy: "ana" };
    await post(`/api/desk/${call.contactId}/accept`, { agent: "ana" });
    const response = await post(`/api/desk/${call.contactId}/handback`, body);
    expect(response.status).toBe(200);
    await post(`/api/desk/${call.contactId}/handback`, body);
    await stack.bus.settled();

    const published = stack.bus.recent().filter((event) => event["detail-type"] === "Handback.Requested");
    const details = published
      .map((event) => HandbackRequested.detail.parse(event.detail))
      .filter((d) => d.meta.contactId === call.contactId);
    expect(details[0]).toMatchObject({
      leadId: call.leadId,
      note: body.note,
      followUpAt,
      requestedBy: "ana",
    });
    const followUps = stack.desk.followUps().filter((followUp) => followUp.contactId === call.contactId);
    expect(followUps).toHaveLength(1);
    expect(stack.desk.get(call.contactId)?.handback?.scheduledAt).toBeDefined();
  });
});

/** The Connect contact events the bus delivered to the KPI rule for one contact, in order. */
function contactEvents(contactId: string) {
  return records
    .filter(
      (record) =>
        record.kind === "delivered" &&
        record.target === "handoff-kpi" &&
        record.event.source === "aws.connect",
    )
    .map((record) => ConnectContactEvent.parse(record.event).detail)
    .filter((detail) => detail.contactId === contactId);
}

describe("the customer hangs up", () => {
  it("mid-conversation: the call ends, Lex is not asked again, and Connect's disconnect events go out", async () => {
    // Prepare
    const call = await newCall();
    await say(call.callId, "Hi, we have an old phone system.");

    // Act
    const response = await post(`/api/calls/${call.callId}/hangup`, {});
    const again = await post(`/api/calls/${call.callId}/hangup`, {});
    await stack.bus.settled();

    // Assess
    const ended = CallResponse.parse(await response.json()).call;
    expect(ended).toMatchObject({ status: "ended", outcome: { action: "end", customerTurns: 1 } });
    expect(ended.hungUpAt).toBeDefined();
    expect(CallResponse.parse(await again.json()).call.hungUpAt).toBe(ended.hungUpAt);
    const late = await post(`/api/calls/${call.callId}/turns`, {
      text: "hello?",
      turnId: "turn-after-hangup",
    });
    expect(late.status).toBe(409);
    const events = contactEvents(call.contactId);
    expect(events.map((detail) => detail.eventType)).toEqual(["DISCONNECTED", "COMPLETED"]);
    expect(events[0]).toMatchObject({
      disconnectReason: "CUSTOMER_DISCONNECT",
      disconnectTimestamp: ended.hungUpAt,
    });
    expect(events[0]?.queueInfo).toBeUndefined();
    expect(events[0]?.agentInfo).toBeUndefined();
  });

  it("while waiting for a closer: the desk entry is abandoned, cannot be handed back, and the events carry the queue", async () => {
    // Prepare
    const call = await handedOffCall();

    // Act
    await post(`/api/calls/${call.callId}/hangup`, {});
    await stack.bus.settled();

    // Assess
    expect(stack.desk.get(call.contactId)).toMatchObject({ status: "abandoned" });
    const handback = await post(`/api/desk/${call.contactId}/handback`, {
      note: "x",
      followUpAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(handback.status).toBe(400);
    const disconnected = contactEvents(call.contactId).find((detail) => detail.eventType === "DISCONNECTED");
    expect(disconnected?.queueInfo?.queueArn).toContain("/queue/");
    expect(disconnected?.agentInfo).toBeUndefined();
  });

  it("after a closer accepted: the entry stays the closer's, and the events name the agent", async () => {
    // Prepare
    const call = await handedOffCall();
    await post(`/api/desk/${call.contactId}/accept`, { agent: "ana" });

    // Act
    await post(`/api/calls/${call.callId}/hangup`, {});
    await stack.bus.settled();

    // Assess
    expect(stack.desk.get(call.contactId)).toMatchObject({
      status: "accepted",
      customerLeftAt: expect.any(String),
    });
    const completed = contactEvents(call.contactId).find((detail) => detail.eventType === "COMPLETED");
    expect(completed?.agentInfo?.agentArn).toContain("/agent/ana");
  });
});

describe("a second runtime", () => {
  it("on the same port is told the port and how to pick another", async () => {
    const other = join(root, "other");
    const started = startLocalStack({ dataDir: other, port: stack.port, log: memoryLog() });
    await expect(started).rejects.toThrow(PortInUseError);
    await expect(started).rejects.toThrow(`Port ${stack.port}`);
    await expect(started).rejects.toThrow("--port");
  });

  it("on a data folder in use is told which runtime holds it", async () => {
    const held = join(root, "held");
    await mkdir(held, { recursive: true });
    // A live process other than this one holds the lock.
    await writeFile(
      join(held, "runtime.lock"),
      JSON.stringify({ pid: process.ppid, url: "http://localhost:4310", startedAt: "2026-11-26T10:00:00Z" }),
    );
    const started = startLocalStack({ dataDir: held, port: 0, log: memoryLog() });
    await expect(started).rejects.toThrow(DataDirInUseError);
    await expect(started).rejects.toThrow("http://localhost:4310");
  });
});

describe("a restart", () => {
  it("keeps the desk and the calls (DynamoDB Local and the desk file are on disk)", async () => {
    const call = await handedOffCall();
    await stack.stop();
    stack = await startLocalStack({ dataDir, port: 0, log: memoryLog(), turnDeadlineMs: SLOW_OK });
    expect(stack.desk.get(call.contactId)?.screenPop.trigger).toBe("customer_request");
    const response = await fetch(`${stack.url}/api/calls/${call.callId}`);
    const { call: resumed } = CallResponse.parse(await response.json());
    expect(resumed.transcript).toEqual(call.transcript);
    expect(resumed.status).toBe("handed_off");
  }, 240_000);
});
