import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { CallRecord } from "../../local/api/call-api.js";
import type { Persona } from "../../local/api/persona-api.js";
import { memoryLog } from "../../local/support/log.js";
import { type ApiContext, handleRequest } from "../../local/web/api-routes.js";

const PERSONA: Persona = {
  id: "asks-for-human",
  name: "Asks for a human",
  description: "Asks for a person.",
  campaign: "default",
  customer: { name: "Sam Okafor" },
  turns: [{ text: "Can you put me through to a person?" }],
  expect: { outcome: "handoff", trigger: "customer_request" },
};

/** What starting a call did: the call service's input and the personas set playing. */
interface Started {
  starts: Array<{ campaignId: string; personaId?: string | undefined }>;
  played: Array<{ callId: string; personaId: string; paceMs: number | undefined }>;
}

/** Only what `POST /api/calls` uses; the rest of the context is never touched by that route. */
function startingContext(started: Started): ApiContext {
  const context = {
    calls: {
      start: async (input: { campaignId: string; personaId?: string | undefined }) => {
        started.starts.push({ campaignId: input.campaignId, personaId: input.personaId });
        return { callId: "call-1", campaignId: input.campaignId } as CallRecord;
      },
    },
    personas: async () => ({ personas: [PERSONA], problems: [] }),
    startPersona: (callId: string, persona: Persona, paceMs: number | undefined) => {
      started.played.push({ callId, personaId: persona.id, paceMs });
    },
    log: memoryLog(),
  };
  return context as unknown as ApiContext;
}

async function postCall(context: ApiContext, body: unknown): Promise<{ status: number; body: unknown }> {
  const request = Object.assign(Readable.from([Buffer.from(JSON.stringify(body))]), {
    method: "POST",
    url: "/api/calls",
    headers: {},
  }) as unknown as IncomingMessage;
  let status = 0;
  let text = "";
  const response = {
    headersSent: false,
    writeHead(code: number) {
      status = code;
      return this;
    },
    end(chunk?: string) {
      text = chunk ?? "";
    },
  } as unknown as ServerResponse;
  await handleRequest(context, request, response);
  return { status, body: JSON.parse(text) };
}

describe("POST /api/calls", () => {
  it("plays the persona from the same request when asked to play", async () => {
    // Prepare
    const started: Started = { starts: [], played: [] };
    // Act
    const answer = await postCall(startingContext(started), {
      personaId: "asks-for-human",
      play: true,
      paceMs: 5,
    });
    // Assess
    expect(answer.status).toBe(201);
    expect(started.starts).toEqual([{ campaignId: "default", personaId: "asks-for-human" }]);
    expect(started.played).toEqual([{ callId: "call-1", personaId: "asks-for-human", paceMs: 5 }]);
  });

  it("only names the caller without play, so a client sending the lines itself is not doubled", async () => {
    // Prepare
    const started: Started = { starts: [], played: [] };
    // Act
    const answer = await postCall(startingContext(started), {
      campaignId: "default",
      personaId: "asks-for-human",
    });
    // Assess
    expect(answer.status).toBe(201);
    expect(started.starts).toHaveLength(1);
    expect(started.played).toEqual([]);
  });

  it.each([
    ["play without a persona", { play: true }, 400, "play: playing needs a personaId"],
    ["an unknown persona", { personaId: "nobody", play: true }, 404, "no persona nobody"],
    [
      "another campaign's persona",
      { campaignId: "other", personaId: "asks-for-human", play: true },
      400,
      "persona asks-for-human is for campaign default, the call is other",
    ],
  ])("refuses %s and starts nothing", async (_case, body, status, message) => {
    // Prepare
    const started: Started = { starts: [], played: [] };
    // Act
    const answer = await postCall(startingContext(started), body);
    // Assess
    expect(answer.status).toBe(status);
    expect((answer.body as { error: string }).error).toContain(message);
    expect(started).toEqual({ starts: [], played: [] });
  });
});
