import type { CallbackTargetInput } from "../../contracts/callback.js";

export interface OneTimeSchedule {
  /** Deterministic per lead: planning again replaces the schedule instead of adding one. */
  name: string;
  at: Date;
  payload: CallbackTargetInput;
  description: string;
}

/** Port for one-time schedules (EventBridge Scheduler in AWS). */
export interface CallbackScheduler {
  /** Creates the schedule, or replaces the one of the same name. */
  upsert(schedule: OneTimeSchedule): Promise<"created" | "updated">;
  /** Deletes the schedule; "not_found" when there is none (already run, or never created). */
  delete(name: string): Promise<"deleted" | "not_found">;
}
