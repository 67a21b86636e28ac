/// <reference lib="dom" />
import { useEffect } from "react";
import { type DeskController, FILTERS } from "./desk-controller.js";

/** The desk's keys, never while the closer is typing: A accept, J/K next/previous, N note, 1-4 filters. */
export function useShortcuts(desk: DeskController): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      const selected = desk.getSnapshot().selected;
      const chosen = FILTERS.find((entry) => entry.key === key);
      if (chosen) desk.setFilter(chosen.id);
      else if (key === "a" && selected && desk.isWaiting(selected)) void desk.accept(selected);
      else if (key === "j") desk.step(1);
      else if (key === "k") desk.step(-1);
      else if (key === "n")
        document.querySelector<HTMLTextAreaElement>("[data-testid=handback-note]")?.focus();
      else return;
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [desk]);
}
