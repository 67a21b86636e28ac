import type { KpiMetric } from "../domain/handoff-kpi.js";

/** Port for KPI metrics (CloudWatch embedded metric format in AWS, memory in tests and the bench). */
export interface MetricsSink {
  emit(metrics: readonly KpiMetric[]): void;
}
