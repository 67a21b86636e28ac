import {
  ConnectClient,
  DescribeContactCommand,
  type DescribeContactCommandOutput,
  DescribeUserCommand,
  type DescribeUserCommandOutput,
  GetContactAttributesCommand,
  ResourceNotFoundException,
  ThrottlingException,
} from "@aws-sdk/client-connect";
import { mockClient } from "aws-sdk-client-mock";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { HandbackRequested } from "../../contracts/events/catalog.js";
import { HandbackApiResponse } from "../../contracts/handback-api.js";
import { ConnectHandbackContacts } from "../../functions/adapters/connect-handback-contacts.js";
import { InMemoryEventPublisher } from "../../functions/adapters/in-memory.js";
import { SESSION } from "../../functions/application/lex-conversation.js";
import type { RequestHandbackDependencies } from "../../functions/application/request-handback.js";
import { BATON_CONTACT_ATTRIBUTES } from "../../functions/ports/handback-contacts.js";
import describeVoice from "../fixtures/connect/describe-contact-voice.json" with { type: "json" };
import describeWithAgent from "../fixtures/connect/describe-contact-with-agent.json" with { type: "json" };
import describeUser from "../fixtures/connect/describe-user-response.json" with { type: "json" };
import contactAttributes from "../fixtures/connect/get-contact-attributes-response.json" with {
  type: "json",
};

/**
 * The handback endpoint (functions/handlers/handback-api.ts) from the HTTP API event to the bus, with the
 * Connect adapter against SDK mocks shaped as the API reference documents: only the closer connected to
 * the contact hands it back; everything else is a typed refusal and publishes nothing.
 */
const connect = mockClient(ConnectClient);
const INSTANCE = "arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000";
const CONTACT = describeWithAgent.Contact.Id;
const NOW = new Date("2026-11-30T10:00:00.000Z");
const TOMORROW = "2026-12-01T09:30:00+01:00";

let handleHandbackApi: typeof import("../../functions/handlers/handback-api.js").handleHandbackApi;
let publisher: InMemoryEventPublisher;
let deps: RequestHandbackDependencies;

function request(body: unknown, username: string | null = "dana.closer") {
  return {
    body: typeof body === "string" ? body : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      authorizer: username ? { jwt: { claims: { "cognito:username": username, sub: "s-1" } } } : undefined,
    },
  };
}

const valid = { contactId: CONTACT, note: "Send the 30-seat quote first, then call", followUpAt: TOMORROW };

async function call(event: unknown) {
  const response = await handleHandbackApi(deps, event);
  return { status: response.statusCode, body: HandbackApiResponse.parse(JSON.parse(String(response.body))) };
}

beforeAll(async () => {
  vi.stubEnv("BATON_EVENT_BUS_NAME", "baton");
  vi.stubEnv("BATON_CONNECT_INSTANCE_ID", INSTANCE);
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("POWERTOOLS_LOG_LEVEL", "SILENT");
  ({ handleHandbackApi } = await import("../../functions/handlers/handback-api.js"));
});

beforeEach(() => {
  connect.reset();
  connect.on(DescribeContactCommand).resolves(describeWithAgent as unknown as DescribeContactCommandOutput);
  connect.on(DescribeUserCommand).resolves(describeUser as unknown as DescribeUserCommandOutput);
  connect.on(GetContactAttributesCommand).resolves(contactAttributes);
  publisher = new InMemoryEventPublisher();
  deps = {
    contacts: new ConnectHandbackContacts({
      client: new ConnectClient({ region: "us-east-1" }),
      instance: INSTANCE,
    }),
    publisher,
    clock: () => NOW,
    log: () => {},
    count: () => {},
  };
});

describe("POST /api/handbacks", () => {
  it("publishes Handback.Requested for the closer connected to the contact", async () => {
    // Act
    const { status, body } = await call(request(valid));

    // Assess
    expect(status).toBe(202);
    const eventId = `Handback.Requested:${CONTACT}:2026-12-01T08:30:00.000Z`;
    expect(body).toEqual({ status: "requested", eventId, followUpAt: "2026-12-01T08:30:00.000Z" });
    expect(publisher.published).toHaveLength(1);
    const [event] = publisher.published;
    expect(event).toMatchObject({
      id: eventId,
      source: HandbackRequested.source,
      detailType: "Handback.Requested",
    });
    const detail = HandbackRequested.detail.parse(JSON.parse(event?.detail ?? ""));
    expect(detail).toMatchObject({
      meta: { id: eventId, contactId: CONTACT, campaignId: "default", leadId: "lead-42" },
      leadId: "lead-42",
      note: valid.note,
      requestedBy: describeUser.User.Id,
    });
    // The adapter asked Connect for this instance's contact, its agent and its attributes.
    expect(connect.commandCalls(DescribeContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: "00000000-0000-4000-8000-000000000000",
      ContactId: CONTACT,
    });
    expect(connect.commandCalls(DescribeUserCommand)[0]?.args[0].input).toMatchObject({
      UserId: describeWithAgent.Contact.AgentInfo.Id,
    });
    expect(connect.commandCalls(GetContactAttributesCommand)[0]?.args[0].input).toMatchObject({
      InitialContactId: CONTACT,
    });
  });

  it("matches the signed-in name to the Connect user name regardless of case", async () => {
    const { status } = await call(request(valid, "Dana.Closer"));
    expect(status).toBe(202);
  });

  it("refuses another closer's contact with 403 and publishes nothing", async () => {
    const { status, body } = await call(request(valid, "sam.other"));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: "not_your_contact" } });
    expect(publisher.published).toEqual([]);
  });

  it("refuses a contact no agent is connected to with 403", async () => {
    connect.on(DescribeContactCommand).resolves(describeVoice as unknown as DescribeContactCommandOutput);
    const { status, body } = await call(request(valid));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: "not_your_contact" } });
    expect(connect.commandCalls(DescribeUserCommand)).toHaveLength(0);
    expect(publisher.published).toEqual([]);
  });

  it.each([
    ["no note", { contactId: CONTACT, followUpAt: TOMORROW }, /note/],
    ["a blank note", { ...valid, note: "   " }, /note/],
    ["a time without an offset", { ...valid, followUpAt: "2026-12-01 09:30" }, /followUpAt/],
    ["a time in the past", { ...valid, followUpAt: "2026-11-30T09:59:00Z" }, /not in the future/],
    [
      "a field the contract does not have",
      { ...valid, requestedBy: "someone-else" },
      /requestedBy|Unrecognized/,
    ],
    ["a note over 2,000 characters", { ...valid, note: "x".repeat(2001) }, /note/],
    ["a body that is not JSON", "{contactId:", /not JSON/],
  ])("answers 400 invalid_request for %s, before asking Connect", async (_case, body, message) => {
    const { status, body: answer } = await call(request(body));
    expect(status).toBe(400);
    expect(answer).toMatchObject({
      error: { code: "invalid_request", message: expect.stringMatching(message) },
    });
    expect(connect.calls()).toHaveLength(0);
    expect(publisher.published).toEqual([]);
  });

  it("answers 401 without a signed-in closer", async () => {
    const { status, body } = await call(request(valid, null));
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: "not_signed_in" } });
    expect(connect.calls()).toHaveLength(0);
  });

  it("answers 404 for a contact Connect does not know", async () => {
    connect
      .on(DescribeContactCommand)
      .rejects(new ResourceNotFoundException({ message: "Contact not found", $metadata: {} }));
    const { status, body } = await call(request(valid));
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: "unknown_contact" } });
  });

  it("answers 409 for a contact that did not come through Baton's flows", async () => {
    connect.on(GetContactAttributesCommand).resolves({ Attributes: { leadId: "lead-42" } });
    const { status, body } = await call(request(valid));
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: { code: "not_a_baton_contact" } });
    expect(publisher.published).toEqual([]);
  });

  it("answers 502 when Connect does not answer, so the closer can try again", async () => {
    connect
      .on(DescribeContactCommand)
      .rejects(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));
    const { status, body } = await call(request(valid));
    expect(status).toBe(502);
    expect(body).toMatchObject({ error: { code: "connect_unavailable" } });
  });

  it("answers 503 when the bus refuses the event; the retry publishes it under the same id", async () => {
    const eventId = `Handback.Requested:${CONTACT}:2026-12-01T08:30:00.000Z`;
    publisher.failOnce.add(eventId);
    const refused = await call(request(valid));
    const retried = await call(request(valid));
    expect(refused).toMatchObject({ status: 503, body: { error: { code: "publish_failed" } } });
    expect(retried).toMatchObject({ status: 202, body: { eventId } });
    expect(publisher.published.map((event) => event.id)).toEqual([eventId]);
  });

  it("reads the attributes the AI flows write", () => {
    expect(BATON_CONTACT_ATTRIBUTES).toEqual({ campaignId: SESSION.campaignId, leadId: SESSION.leadId });
  });
});
