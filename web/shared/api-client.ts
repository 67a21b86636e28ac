import type { z } from "zod";

/** An API answer that was not 2xx: the server's own message when it sent one. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches JSON and validates it: the page never renders a shape it did not expect. */
export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  init: { method?: "GET" | "POST"; body?: unknown } = {},
): Promise<z.output<S>> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message =
      typeof json === "object" && json !== null && "error" in json && typeof json.error === "string"
        ? json.error
        : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return schema.parse(json);
}
