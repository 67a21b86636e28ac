import type { z } from "zod";

/** The first issue of a zod error as "field: message". */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue ? issue.path.join(".") || "(root)" : "(root)";
  return { field, message: `${field}: ${issue?.message ?? "invalid"}` };
}
