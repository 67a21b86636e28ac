/**
 * The metrics the conversation-turn function publishes about its turn reader (namespace and service as
 * Powertools Metrics writes them), shared by the handler and the KPI dashboard that graphs them.
 */
export const TURN_METRICS_NAMESPACE = "Baton";
export const TURN_METRICS_SERVICE = "conversation-turn";

export const TURN_READER_METRICS = {
  /** Bedrock answered the second opinion on an uncertain turn within its deadline. */
  secondOpinion: "SecondOpinion",
  /** Bedrock was asked and did not answer in time (or failed): the local reading stood. */
  secondOpinionMissed: "SecondOpinionMissed",
} as const;
