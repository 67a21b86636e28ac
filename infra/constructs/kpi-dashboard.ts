import { Duration } from "aws-cdk-lib";
import { Dashboard, GraphWidget, MathExpression, Metric } from "aws-cdk-lib/aws-cloudwatch";
import { Construct } from "constructs";
import {
  HANDOFF_KPI_DIMENSIONS,
  HANDOFF_KPI_METRICS,
  HANDOFF_KPI_NAMESPACE,
} from "../../contracts/handoff-kpi.js";
import {
  TURN_METRICS_NAMESPACE,
  TURN_METRICS_SERVICE,
  TURN_READER_METRICS,
} from "../../contracts/turn-metrics.js";
import { scopedName } from "../names.js";

/**
 * The dimension set the KPI metrics are published with: the domain's campaign and trigger, plus the
 * `service` dimension Powertools Metrics adds to every metric (its serviceName). A CloudWatch SEARCH schema
 * must name the full set, or it matches nothing.
 */
export const KPI_DIMENSIONS = [HANDOFF_KPI_DIMENSIONS.campaign, "service", HANDOFF_KPI_DIMENSIONS.trigger];

/** The SEARCH expression of one KPI metric over every campaign, trigger and publishing function. */
export function kpiSearch(metric: string, statistic: string): string {
  return `SEARCH('{${[HANDOFF_KPI_NAMESPACE, ...KPI_DIMENSIONS].join(",")}} MetricName="${metric}"', '${statistic}', 300)`;
}

/**
 * One graph per handoff KPI, every campaign and trigger the KPI consumer has reported (EMF metrics), and
 * how often the Bedrock second opinion on uncertain turns answered in time.
 */
export class KpiDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const graph = (title: string, metric: string, statistic: string) =>
      new GraphWidget({
        title,
        width: 12,
        left: [
          new MathExpression({
            expression: kpiSearch(metric, statistic),
            label: title,
            period: Duration.minutes(5),
          }),
        ],
      });
    this.dashboard = new Dashboard(this, "Dashboard", { dashboardName: scopedName(this, "Baton-Handoffs") });
    this.dashboard.addWidgets(
      graph("Handoffs", HANDOFF_KPI_METRICS.handoffs, "Sum"),
      graph("Transfer rate", HANDOFF_KPI_METRICS.transferred, "Average"),
      graph("Drop-off rate", HANDOFF_KPI_METRICS.dropOff, "Average"),
      graph("Time to human (ms, p90)", HANDOFF_KPI_METRICS.timeToHuman, "p90"),
      graph("Handle time after transfer (ms)", HANDOFF_KPI_METRICS.handleTime, "Average"),
      graph("Transfer to close rate", HANDOFF_KPI_METRICS.closed, "Average"),
      new GraphWidget({
        title: "Second opinions on uncertain turns",
        width: 12,
        left: [
          turnMetric(TURN_READER_METRICS.secondOpinion, "Answered in time"),
          turnMetric(TURN_READER_METRICS.secondOpinionMissed, "Missed (local reading stood)"),
        ],
      }),
    );
  }
}

function turnMetric(metricName: string, label: string): Metric {
  return new Metric({
    namespace: TURN_METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: TURN_METRICS_SERVICE },
    statistic: "Sum",
    period: Duration.minutes(5),
    label,
  });
}
