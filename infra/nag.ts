import { Stack, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Acknowledges a cdk-nag rule on a construct and everything under it, with its one-line justification.
 * With `findings`, only those findings are acknowledged (`AwsSolutions-IAM5[Resource::*]`), so a new
 * wildcard elsewhere on the same resource still fails the checks.
 */
export function acknowledge(
  scope: IConstruct,
  rule: string,
  reason: string,
  findings: readonly string[] = [],
): void {
  const ids = findings.length > 0 ? findings.map((finding) => `${rule}[${finding}]`) : [rule];
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/**
 * How cdk-nag names a resource in a finding: literal text as is, `Ref` as `<Id>`, `Fn::GetAtt` as
 * `<Id.Attribute>`, pseudo parameters as `<AWS::Region>`.
 */
export function findingResource(scope: IConstruct, value: string): string {
  const resolved: unknown = Stack.of(scope).resolve(value);
  const render = (part: unknown): string => {
    if (typeof part === "string") return part;
    if (part && typeof part === "object") {
      const object = part as Record<string, unknown>;
      if (typeof object.Ref === "string") return `<${object.Ref}>`;
      const getAtt = object["Fn::GetAtt"];
      if (Array.isArray(getAtt)) return `<${getAtt.join(".")}>`;
      const join = object["Fn::Join"];
      if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(render).join(String(join[0]));
    }
    return JSON.stringify(part);
  };
  return render(resolved);
}
