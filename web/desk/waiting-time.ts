/** "m:ss" since the handoff reached the desk; empty when the time is unknown. */
export function waitingFor(receivedAt: string | undefined, nowMs: number): string {
  if (!receivedAt) return "";
  const since = new Date(receivedAt).getTime();
  if (Number.isNaN(since)) return "";
  const seconds = Math.max(0, Math.round((nowMs - since) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
