/**
 * Connection and request timeouts and bounded retries for the AWS clients on the live call path: a caller is
 * waiting, so no client may wait on a dead or black-holed endpoint for longer than the turn can afford. The
 * turn's own deadline (functions/application/lex-conversation.ts) bounds the whole; these keep each call
 * short enough that a retry still fits.
 */
export interface ClientLimits {
  /** Time to establish the TCP (and TLS) connection. */
  connectionTimeoutMs: number;
  /** Time for the whole request and response once connected. */
  requestTimeoutMs: number;
  /** Calls per request, the first included (standard retry strategy: backoff with jitter, retry quota). */
  maxAttempts: number;
}

export const CALL_PATH_LIMITS = {
  /** One consistent read and one conditional write a turn, each a few milliseconds when healthy. */
  dynamodb: { connectionTimeoutMs: 250, requestTimeoutMs: 500, maxAttempts: 2 },
  /** PutEvents of one turn's outbox; what fails stays on the item or goes to the pending-events queue. */
  eventbridge: { connectionTimeoutMs: 250, requestTimeoutMs: 600, maxAttempts: 2 },
  /** The model has its own deadline and a scripted fallback: no retry, it would only arrive too late. */
  bedrock: { connectionTimeoutMs: 300, requestTimeoutMs: 2_000, maxAttempts: 1 },
  /** The last resort for a handoff the bus would not take. */
  sqs: { connectionTimeoutMs: 250, requestTimeoutMs: 400, maxAttempts: 2 },
} as const satisfies Record<string, ClientLimits>;

/** Client configuration (NodeHttpHandler options and the standard retry strategy) for these limits. */
export function clientSettings(limits: ClientLimits) {
  return {
    maxAttempts: limits.maxAttempts,
    retryMode: "standard",
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Without it a breached request timeout is only a warning and the call goes on waiting.
      throwOnRequestTimeout: true,
      socketTimeout: limits.requestTimeoutMs,
    },
  } as const;
}
