import { type Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { KpiMetric } from "../domain/handoff-kpi.js";
import type { MetricsSink } from "../ports/metrics-sink.js";

/**
 * KPI metrics as CloudWatch embedded metric format through Powertools: each metric is flushed at once with
 * its own dimensions (campaign, trigger, outcome), so handoffs of different campaigns in one batch never
 * share a dimension set.
 */
export class PowertoolsMetricsSink implements MetricsSink {
  constructor(private readonly metrics: Metrics) {}

  emit(metrics: readonly KpiMetric[]): void {
    for (const metric of metrics) {
      const single = this.metrics.singleMetric();
      if (Object.keys(metric.dimensions).length > 0) single.addDimensions(metric.dimensions);
      single.addMetric(
        metric.name,
        metric.unit === "Milliseconds" ? MetricUnit.Milliseconds : MetricUnit.Count,
        metric.value,
      );
    }
  }
}
