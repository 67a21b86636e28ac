import Button from "@cloudscape-design/components/button";
import DateInput from "@cloudscape-design/components/date-input";
import FormField from "@cloudscape-design/components/form-field";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import TimeInput from "@cloudscape-design/components/time-input";
import { useState } from "react";
import type { HandbackInput } from "./desk-host.js";

/** What the handback API takes; the field stops there. */
const MAX_NOTE = 2000;

/**
 * Hand the call back to the AI: a required note for the follow-up call and when to call. Cloudscape's
 * date and time inputs (`YYYY/MM/DD`, `HH:mm`) in the closer's local time; tomorrow at 10:00 by default.
 */
export function HandbackForm({ onSubmit }: { onSubmit: (input: HandbackInput) => void }) {
  const [note, setNote] = useState("");
  const [date, setDate] = useState(() => tomorrow());
  const [time, setTime] = useState("10:00");
  const [tried, setTried] = useState(false);
  const followUpAt = parseLocal(date, time);
  const noteError =
    tried && note.trim() === "" ? "Write what the AI should know for the follow-up call." : "";
  const timeError = tried && !followUpAt ? "Give a date (YYYY/MM/DD) and a time (HH:mm)." : "";

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (note.trim() === "" || !followUpAt) return;
        onSubmit({ note: note.trim(), followUpAt: followUpAt.toISOString() });
      }}
    >
      <SpaceBetween size="s">
        <FormField
          label="Note for the AI (required)"
          errorText={noteError ? <span data-testid="handback-note-error">{noteError}</span> : undefined}
          stretch
        >
          <Textarea
            value={note}
            onChange={({ detail }) => setNote(detail.value.slice(0, MAX_NOTE))}
            rows={2}
            placeholder="What the AI should know for the follow-up call"
            invalid={noteError !== ""}
            nativeTextareaAttributes={{ "data-testid": "handback-note", maxLength: MAX_NOTE }}
          />
        </FormField>
        <FormField label="Follow up at" errorText={timeError || undefined}>
          <SpaceBetween direction="horizontal" size="xs">
            <DateInput
              data-testid="handback-date"
              ariaLabel="Follow-up date"
              value={date}
              onChange={({ detail }) => setDate(detail.value)}
              placeholder="YYYY/MM/DD"
              invalid={timeError !== ""}
            />
            <TimeInput
              data-testid="handback-time"
              ariaLabel="Follow-up time"
              format="hh:mm"
              value={time}
              onChange={({ detail }) => setTime(detail.value)}
              placeholder="hh:mm"
              invalid={timeError !== ""}
            />
          </SpaceBetween>
        </FormField>
        <Button formAction="submit" data-testid="handback-submit">
          Hand back to AI
        </Button>
      </SpaceBetween>
    </form>
  );
}

/** DateInput's `YYYY-MM-DD` (it shows slashes, its value has dashes) and `HH:mm`, as local time. */
function parseLocal(date: string, time: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return undefined;
  const at = new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function tomorrow(): string {
  const at = new Date();
  at.setDate(at.getDate() + 1);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
