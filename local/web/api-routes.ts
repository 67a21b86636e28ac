import type { IncomingMessage, ServerResponse } from "node:http";
import type { Campaign } from "../../contracts/campaign.js";
import { BatonInputError } from "../../functions/domain/errors.js";
import { RunPersonaRequest, SayRequest, StartCallRequest } from "../api/call-api.js";
import { AcceptRequest, HandbackRequest } from "../api/desk-api.js";
import type { Persona } from "../api/persona-api.js";
import type { LocalBus } from "../bus/local-bus.js";
import { CallEndedError, type CallService, UnknownCallError } from "../calls/call-service.js";
import { customerHangsUp } from "../calls/customer-hang-up.js";
import {
  acceptCall,
  type DeskActionDependencies,
  DeskActionRejected,
  handBack,
  PublishFailedError,
  UnknownContactError,
} from "../desk/desk-actions.js";
import type { DeskStore } from "../desk/desk-store.js";
import { earlierContacts } from "../desk/earlier-contacts.js";
import type { LoadedPersonas } from "../persona/load-personas.js";
import type { Log } from "../support/log.js";
import { HttpError, readJson, sendJson } from "./http-json.js";
import type { SseHub } from "./sse-hub.js";
import type { WebAsset } from "./web-assets.js";

export interface ApiContext {
  calls: CallService;
  desk: DeskStore;
  deskActions: DeskActionDependencies;
  campaigns: readonly Campaign[];
  /** Re-read on every request, so an edited persona file shows up (or shows its error) on reload. */
  personas: () => Promise<LoadedPersonas>;
  startPersona: (callId: string, persona: Persona, paceMs: number | undefined) => void;
  bus: LocalBus;
  hub: SseHub;
  assets: ReadonlyMap<string, WebAsset>;
  log: Log;
}

type Handler = (
  context: ApiContext,
  params: string[],
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

interface Route {
  method: "GET" | "POST";
  path: RegExp;
  handle: Handler;
}

const ID = "([A-Za-z0-9._:-]{1,200})";

const routes: Route[] = [
  {
    method: "GET",
    path: /^\/api\/health$/,
    handle: async (_context, _params, _request, response) => sendJson(response, 200, { ok: true }),
  },
  {
    method: "GET",
    path: /^\/api\/events$/,
    handle: async (context, _params, _request, response) => context.hub.attach(response),
  },
  {
    method: "GET",
    path: /^\/api\/campaigns$/,
    handle: async (context, _params, _request, response) =>
      sendJson(response, 200, { campaigns: context.campaigns.map(({ id, name }) => ({ id, name })) }),
  },
  {
    method: "GET",
    path: /^\/api\/personas$/,
    handle: async (context, _params, _request, response) => sendJson(response, 200, await context.personas()),
  },
  {
    method: "GET",
    path: /^\/api\/calls$/,
    handle: async (context, _params, _request, response) =>
      sendJson(response, 200, { calls: await context.calls.recent(20) }),
  },
  {
    method: "POST",
    path: /^\/api\/calls$/,
    handle: async (context, _params, request, response) => {
      const body = await readJson(request, StartCallRequest);
      const persona = body.personaId === undefined ? undefined : await knownPersona(context, body.personaId);
      const campaignId = body.campaignId ?? persona?.campaign ?? "default";
      if (persona) personaFitsCampaign(persona, campaignId);
      const call = await context.calls.start({
        campaignId,
        personaId: persona?.id,
        customer: persona?.customer,
      });
      if (persona && body.play) context.startPersona(call.callId, persona, body.paceMs);
      sendJson(response, 201, { call });
    },
  },
  {
    method: "GET",
    path: new RegExp(`^/api/calls/${ID}$`),
    handle: async (context, [callId = ""], _request, response) =>
      sendJson(response, 200, { call: await context.calls.get(callId) }),
  },
  {
    method: "POST",
    path: new RegExp(`^/api/calls/${ID}/turns$`),
    handle: async (context, [callId = ""], request, response) => {
      const body = await readJson(request, SayRequest);
      const result = await context.calls.say(callId, { ...body, inputMode: "Text" });
      sendJson(response, 200, result);
    },
  },
  {
    method: "POST",
    path: new RegExp(`^/api/calls/${ID}/hangup$`),
    handle: async (context, [callId = ""], _request, response) => {
      const call = await customerHangsUp(
        { calls: context.calls, desk: context.desk, publisher: context.bus, log: context.log },
        callId,
      );
      sendJson(response, 200, { call });
    },
  },
  {
    method: "POST",
    path: new RegExp(`^/api/calls/${ID}/persona$`),
    handle: async (context, [callId = ""], request, response) => {
      const body = await readJson(request, RunPersonaRequest);
      const call = await context.calls.get(callId);
      const persona = await knownPersona(context, body.personaId);
      personaFitsCampaign(persona, call.campaignId);
      if (call.status !== "active") throw new CallEndedError(call);
      context.startPersona(callId, persona, body.paceMs);
      sendJson(response, 202, { call });
    },
  },
  {
    method: "GET",
    path: /^\/api\/desk$/,
    handle: async (context, _params, _request, response) =>
      sendJson(response, 200, { entries: context.desk.list(), followUps: context.desk.followUps() }),
  },
  {
    method: "GET",
    path: new RegExp(`^/api/desk/${ID}$`),
    handle: async (context, [contactId = ""], _request, response) => {
      const entry = context.desk.get(contactId);
      if (!entry) throw new UnknownContactError(contactId);
      sendJson(response, 200, { entry, earlierContacts: earlierContacts(context.desk.list(), entry) });
    },
  },
  {
    method: "POST",
    path: new RegExp(`^/api/desk/${ID}/accept$`),
    handle: async (context, [contactId = ""], request, response) => {
      const body = await readJson(request, AcceptRequest);
      sendJson(response, 200, { entry: await acceptCall(context.deskActions, contactId, body.agent) });
    },
  },
  {
    method: "POST",
    path: new RegExp(`^/api/desk/${ID}/handback$`),
    handle: async (context, [contactId = ""], request, response) => {
      const body = await readJson(request, HandbackRequest);
      const { entry, detail } = await handBack(context.deskActions, contactId, body);
      sendJson(response, 200, { entry, eventId: detail.meta.id });
    },
  },
  {
    method: "GET",
    path: /^\/api\/bus\/recent$/,
    handle: async (context, _params, _request, response) =>
      sendJson(response, 200, { events: context.bus.recent() }),
  },
];

async function knownPersona(context: ApiContext, personaId: string): Promise<Persona> {
  const { personas } = await context.personas();
  const persona = personas.find((candidate) => candidate.id === personaId);
  if (!persona) throw new HttpError(404, `no persona ${personaId} (see GET /api/personas)`);
  return persona;
}

function personaFitsCampaign(persona: Persona, campaignId: string): void {
  if (persona.campaign !== campaignId)
    throw new HttpError(
      400,
      `persona ${persona.id} is for campaign ${persona.campaign}, the call is ${campaignId}`,
    );
}

/** The local server's requests: the JSON API, server-sent events, and the bundled pages. */
export async function handleRequest(
  context: ApiContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  try {
    const matches = routes.filter((candidate) => candidate.path.test(url.pathname));
    if (matches.length > 0) {
      const route = matches.find((candidate) => candidate.method === request.method);
      if (!route) throw new HttpError(405, `${request.method} is not allowed on ${url.pathname}`);
      const params = route.path.exec(url.pathname)?.slice(1) ?? [];
      await route.handle(context, params, request, response);
      return;
    }
    if (url.pathname.startsWith("/api/")) throw new HttpError(404, `no API at ${url.pathname}`);
    if (url.pathname === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    serveAsset(context, url.pathname === "/" ? "/index" : url.pathname, request, response);
  } catch (error) {
    respondWithError(context.log, error, response);
  }
}

function serveAsset(
  context: ApiContext,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  if (request.method !== "GET" && request.method !== "HEAD") throw new HttpError(405, "pages are GET only");
  const asset = context.assets.get(path);
  if (!asset) throw new HttpError(404, `nothing at ${path}`);
  response.writeHead(200, {
    "content-type": asset.contentType,
    "content-length": asset.body.length,
    "cache-control": "no-store",
  });
  response.end(request.method === "HEAD" ? undefined : asset.body);
}

function respondWithError(log: Log, error: unknown, response: ServerResponse): void {
  const [status, message] = statusOf(error);
  if (status >= 500)
    log.error(`http: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (response.headersSent) {
    response.end();
    return;
  }
  sendJson(response, status, { error: message });
}

function statusOf(error: unknown): [number, string] {
  if (error instanceof HttpError) return [error.status, error.message];
  if (error instanceof UnknownCallError || error instanceof UnknownContactError) return [404, error.message];
  if (error instanceof CallEndedError) return [409, error.message];
  if (error instanceof DeskActionRejected || error instanceof BatonInputError) return [400, error.message];
  if (error instanceof PublishFailedError) return [502, error.message];
  return [500, "internal error (see the terminal)"];
}
