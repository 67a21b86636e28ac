import { Duration } from "aws-cdk-lib";
import { Dashboard, GraphWidget, MathExpression } from "aws-cdk-lib/aws-cloudwatch";
import { Construct } from "constructs";
import { HANDOFF_KPI_METRICS, HANDOFF_KPI_NAMESPACE } from "../../contracts/handoff-kpi.js";

/** One graph per handoff KPI, every campaign and trigger the KPI consumer has reported (EMF metrics). */
export class KpiDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const search = (metric: string, statistic: string, label: string) =>
      new MathExpression({
        expression: `SEARCH('{${HANDOFF_KPI_NAMESPACE},campaign,trigger} MetricName="${metric}"', '${statistic}', 300)`,
        label,
        period: Duration.minutes(5),
      });
    const graph = (title: string, metric: string, statistic: string) =>
      new GraphWidget({ title, width: 12, left: [search(metric, statistic, title)] });
    this.dashboard = new Dashboard(this, "Dashboard", { dashboardName: "Baton-Handoffs" });
    this.dashboard.addWidgets(
      graph("Handoffs", HANDOFF_KPI_METRICS.handoffs, "Sum"),
      graph("Transfer rate", HANDOFF_KPI_METRICS.transferred, "Average"),
      graph("Drop-off rate", HANDOFF_KPI_METRICS.dropOff, "Average"),
      graph("Time to human (ms, p90)", HANDOFF_KPI_METRICS.timeToHuman, "p90"),
      graph("Handle time after transfer (ms)", HANDOFF_KPI_METRICS.handleTime, "Average"),
      graph("Transfer to close rate", HANDOFF_KPI_METRICS.closed, "Average"),
    );
  }
}
