import { describe, expect, it } from "vitest";
import { kpiFigures } from "../../bench/kpi.js";

describe("KPI bench", () => {
  it("measures throughput and finds every redelivered event changes nothing", async () => {
    // Prepare
    const options = { handoffs: 24, concurrency: 8, abandonShare: 0.25, seed: 7 };
    // Act
    const figures = await kpiFigures(options);
    // Assess
    expect(figures).toMatchObject({
      handoffs: 24,
      contactEvents: 6 * 2 + 18 * 3,
      accepted: 18,
      abandoned: 6,
      outcomeEvents: 24,
      idempotent: true,
      duplicatesDetected: figures.redeliveredEvents,
    });
    expect(figures.contactEventsPerSecond).toBeGreaterThan(0);
  }, 240_000);
});
