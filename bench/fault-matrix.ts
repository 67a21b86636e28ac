import { percentile, SCENARIOS, startFaultMatrix, TURN_DEADLINE_MS } from "../test/support/fault-matrix.js";

/**
 * The call path under faults (test/support/fault-matrix.ts): per scenario, calls of two turns whose second
 * turn says a card number and an SSN while DynamoDB Local (behind a fault-injecting proxy), EventBridge,
 * Bedrock or SQS fails. `npx tsx bench/fault-matrix.ts [calls]` prints the table; `npm run bench` includes it.
 */
export async function faultMatrixFigures(calls = 20) {
  const matrix = await startFaultMatrix();
  try {
    const rows = [];
    for (const scenario of SCENARIOS) {
      const result = await matrix.run(scenario, calls);
      rows.push({
        fault: result.name,
        calls: result.calls,
        validReplies: result.validReplies,
        handoffs: result.handoffs,
        handoffsWithEvent: result.handoffsDelivered,
        eventsOnlyInLog: result.eventsOnlyInLog,
        lostEvents: result.lostEvents,
        newIdDuplicates: result.handoffsUnderNewId,
        piiExposures: result.piiExposures,
        p99ReplyMs: Math.round(percentile(result.replyMs, 99)),
        maxReplyMs: Math.round(Math.max(...result.replyMs)),
      });
    }
    return { turnDeadlineMs: TURN_DEADLINE_MS, rows };
  } finally {
    await matrix.stop();
  }
}

export function faultMatrixTable(figures: Awaited<ReturnType<typeof faultMatrixFigures>>): string {
  const header = [
    "fault".padEnd(36),
    "calls",
    "valid",
    "handoffs",
    "w/ event",
    "log only",
    "lost",
    "new id",
    "PII",
    "p99 ms",
    "max ms",
  ];
  const lines = [header.join("  ")];
  for (const row of figures.rows) {
    lines.push(
      [
        row.fault.padEnd(36),
        String(row.calls).padStart(5),
        String(row.validReplies).padStart(5),
        String(row.handoffs).padStart(8),
        String(row.handoffsWithEvent).padStart(8),
        String(row.eventsOnlyInLog).padStart(8),
        String(row.lostEvents).padStart(4),
        String(row.newIdDuplicates).padStart(6),
        String(row.piiExposures).padStart(3),
        String(row.p99ReplyMs).padStart(6),
        String(row.maxReplyMs).padStart(6),
      ].join("  "),
    );
  }
  lines.push(
    `turn deadline ${figures.turnDeadlineMs} ms (Lex waits on the code hook; the Lambda times out at 10 s)`,
  );
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const calls = Number.parseInt(process.argv[2] ?? "", 10) || 20;
  console.log(faultMatrixTable(await faultMatrixFigures(calls)));
}
