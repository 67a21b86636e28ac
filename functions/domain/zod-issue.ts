import type * as z from "../../contracts/zod.js";

/** The first issue of a zod error as "field: message". */
export function describeIssue(error: z.core.$ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue ? issue.path.join(".") || "(root)" : "(root)";
  return { field, message: `${field}: ${issue?.message ?? "invalid"}` };
}
