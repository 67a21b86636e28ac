import type { KpiMetric } from "../domain/handoff-kpi.js";
import type { BusEvent, EventPublisher, PublishFailure } from "../ports/event-publisher.js";
import type { MetricsSink } from "../ports/metrics-sink.js";
import type { PendingEvents } from "../ports/pending-events.js";

/** Keeps what is published, for the local runtime, the tests and the bench. */
export class InMemoryEventPublisher implements EventPublisher {
  readonly published: BusEvent[] = [];
  /** Ids to fail once each (then they succeed), to exercise the outbox. */
  readonly failOnce = new Set<string>();

  async publish(events: readonly BusEvent[]): Promise<{ failed: PublishFailure[] }> {
    const failed: PublishFailure[] = [];
    for (const event of events) {
      if (this.failOnce.delete(event.id)) {
        failed.push({ id: event.id, errorCode: "InternalException", errorMessage: "injected failure" });
      } else {
        this.published.push(event);
      }
    }
    return { failed };
  }
}

/** Keeps emitted metrics; `totals()` sums them by name and dimensions. */
export class InMemoryMetricsSink implements MetricsSink {
  readonly metrics: KpiMetric[] = [];

  emit(metrics: readonly KpiMetric[]): void {
    this.metrics.push(...metrics);
  }

  totals(): Record<string, { count: number; sum: number }> {
    const totals: Record<string, { count: number; sum: number }> = {};
    for (const metric of this.metrics) {
      const dims = Object.entries(metric.dimensions)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `${key}=${value}`)
        .join(",");
      const key = `${metric.name}{${dims}}`;
      const entry = totals[key] ?? { count: 0, sum: 0 };
      entry.count += 1;
      entry.sum += metric.value;
      totals[key] = entry;
    }
    return totals;
  }
}

/** Pending events kept in memory, for tests, benchmarks and local runs; `failWith` makes `keep` reject. */
export class InMemoryPendingEvents implements PendingEvents {
  readonly kept: BusEvent[] = [];
  failWith: Error | undefined;

  async keep(events: readonly BusEvent[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.kept.push(...events);
  }
}
