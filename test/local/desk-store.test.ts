import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { DeskStore } from "../../local/desk/desk-store.js";
import { memoryLog } from "../../local/support/log.js";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "baton-desk-"));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

it("moves an unreadable desk file aside, says where, and starts an empty desk", async () => {
  const path = join(folder, "desk.json");
  await writeFile(path, '{"version": 1, "entries": [{"contactId": 7}]');
  const log = memoryLog();
  const desk = await DeskStore.open(path, log);
  expect(desk.list()).toEqual([]);
  const names = await readdir(folder);
  const aside = names.find((name) => name.startsWith("desk.json.corrupt-"));
  expect(aside).toBeDefined();
  expect(await readFile(join(folder, aside ?? ""), "utf8")).toContain('"contactId": 7');
  expect(log.lines.join("\n")).toContain(`moved it to ${join(folder, aside ?? "")}`);
});

it("names the bad field of a desk file with the wrong shape", async () => {
  const path = join(folder, "desk.json");
  await writeFile(path, JSON.stringify({ version: 1, entries: [{ contactId: 7 }], followUps: [] }));
  const log = memoryLog();
  await DeskStore.open(path, log);
  expect(log.lines.join("\n")).toContain("entries.0.contactId");
});

it("writes every change to disk, so a new store reads it back", async () => {
  const path = join(folder, "desk.json");
  const desk = await DeskStore.open(path, memoryLog());
  const followUp = {
    eventId: "Nurture.Scheduled:c1:2",
    kind: "nurture" as const,
    contactId: "c1",
    campaignId: "default",
    reasons: ["customer asked to be contacted later"],
    recordedAt: "2026-11-26T10:00:00.000Z",
  };
  expect(desk.recordFollowUp(followUp)).toBe(true);
  await desk.flush();
  const again = await DeskStore.open(path, memoryLog());
  expect(again.followUps()).toEqual([followUp]);
  // The same event again (a redelivery) is recorded once.
  expect(again.recordFollowUp(followUp)).toBe(false);
});
