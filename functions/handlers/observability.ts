import type { Logger } from "@aws-lambda-powertools/logger";
import { type Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Log } from "../application/record-handoff-kpi.js";

/** The use cases' `log` on a Powertools logger. */
export function logTo(logger: Logger): Log {
  return (level, message, details) => logger[level](message, details);
}

/** The use cases' `count` on a Powertools metrics instance (flushed by the logMetrics middleware). */
export function countTo(metrics: Metrics): (metric: string, value?: number) => void {
  return (metric, value = 1) => metrics.addMetric(metric, MetricUnit.Count, value);
}
