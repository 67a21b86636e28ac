import * as z from "./zod.js";

/**
 * Why a call goes to a closer. Its own module so that campaign files, which name triggers, do not build the
 * transcript schemas on the call path.
 */
export const HandoffTrigger = z.enum(["customer_request", "buying_intent", "complex", "qualified"]);
export type HandoffTrigger = z.infer<typeof HandoffTrigger>;
