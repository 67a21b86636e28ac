import { readFile } from "node:fs/promises";
import * as z from "zod";
import type { Transcript } from "../contracts/transcript.js";
import { type TurnLine, teaching } from "./fresh-annotations.js";
import { freshSource } from "./fresh-sets.js";

/**
 * Fresh calls read by annotators for who is on the line (data/fresh-prospect-readings.jsonl,
 * data/fresh-turn-annotations.md): a prospect of the company, or no prospect (a job seeker, a vendor, a caller for
 * another business, an existing customer with only a billing matter) and from which customer turn that shows.
 */
export const PROSPECT_READINGS_FILE = "data/fresh-prospect-readings.jsonl";

const ProspectReadingLine = z.strictObject({
  /** `<set>:<call id>`, as in test/corpus/<set>.jsonl. */
  call: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9-]+$/),
  /** Each annotator's reading, apart: null for a prospect, else the first customer turn that shows none. */
  readings: z.array(z.union([z.null(), z.number().int().nonnegative()])).min(1),
});

export type ProspectReadings = ReadonlyMap<string, ReadonlyArray<number | null>>;

/** Readings by `<set>:<call id>`; a bad line stops with its file and line. */
export async function loadProspectReadings(file = PROSPECT_READINGS_FILE): Promise<ProspectReadings> {
  const readings = new Map<string, ReadonlyArray<number | null>>();
  for (const [index, line] of (await readFile(file, "utf8")).split("\n").entries()) {
    if (line.trim() === "") continue;
    const parsed = ProspectReadingLine.safeParse(JSON.parse(line));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}:${index + 1}: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    if (readings.has(parsed.data.call))
      throw new Error(`${file}:${index + 1}: ${parsed.data.call} is read twice`);
    readings.set(parsed.data.call, parsed.data.readings);
  }
  return readings;
}

/** Triggers only a prospect's call hands off on: the corpus guide hands a non-prospect off on a person request alone. */
const PROSPECTS_ONLY: ReadonlySet<string> = new Set(["qualified", "buying_intent", "complex"]);

/**
 * What a fresh call teaches of `non_prospect`, turn by turn (customer turns up to its gold handoff turn or its end):
 * - a call handed off as qualified, on buying or as complex is a prospect's: no on every turn;
 * - a call every reading calls a prospect's: no on every turn;
 * - a call every reading calls no prospect's: yes on the latest turn a reading says shows it, no before the
 *   earliest (nothing shows it yet), nothing between or after: the label is a turn's, and the engine remembers
 *   a caller heard as none, so a later "thanks, bye" need not show it;
 * - readings that differ, or none, teach nothing.
 */
export function prospectTeaching(
  transcript: Transcript,
  readings: ReadonlyArray<number | null> | undefined,
): Map<number, boolean> {
  const taught = new Map<number, boolean>();
  const gold = transcript.labels;
  if (!gold) return taught;
  const last = gold.handoffTurn ?? transcript.turns.length - 1;
  const customerTurns = transcript.turns.flatMap((line, turn) =>
    line.speaker === "customer" && turn <= last ? [turn] : [],
  );
  const handedOffAsProspect = gold.trigger ? PROSPECTS_ONLY.has(gold.trigger) : false;
  const prospect = handedOffAsProspect || (readings?.every((reading) => reading === null) ?? false);
  if (prospect) {
    for (const turn of customerTurns) taught.set(turn, false);
    return taught;
  }
  if (!readings || readings.some((reading) => reading === null)) return taught;
  const froms = readings.filter((reading): reading is number => reading !== null);
  const stray = froms.find((turn) => !customerTurns.includes(turn));
  if (stray !== undefined) {
    throw new Error(
      `${transcript.id}: a reading names turn ${stray}, no customer turn up to the call's handoff or end`,
    );
  }
  const earliest = Math.min(...froms);
  const latest = Math.max(...froms);
  for (const turn of customerTurns) {
    if (turn < earliest) taught.set(turn, false);
    if (turn === latest) taught.set(turn, true);
  }
  return taught;
}

/**
 * Each line of a turn `prospectTeaching` decides teaches `non_prospect`, yes or no; its other labels stay. A no
 * prospect's turn that shows it and was left out (the reader of the day heard the caller as none there, and the
 * call's later turns went with it) joins as asking for no person and no buying, as its gold label says, among its
 * call's lines in turn order (a call with none after the call before it); the annotators' turn readings merge
 * into it after (`withAnnotations`). Every other line keeps its place, and re-running it changes nothing.
 */
export function withProspects(
  lines: readonly TurnLine[],
  transcripts: readonly Transcript[],
  set: string,
  readings: ProspectReadings,
): TurnLine[] {
  const prefix = freshSource(set);
  const calls = new Set(transcripts.map((transcript) => transcript.id));
  for (const key of readings.keys()) {
    if (key.startsWith(`${set}:`) && !calls.has(key.slice(set.length + 1))) {
      throw new Error(`${PROSPECT_READINGS_FILE}: ${key} is no call of test/corpus/${set}.jsonl`);
    }
  }
  const callOf = (line: TurnLine) => line.source.slice(prefix.length, line.source.lastIndexOf(":"));
  const turnOf = (line: TurnLine) => Number(line.source.slice(line.source.lastIndexOf(":") + 1));
  const own = new Map<string, TurnLine[]>();
  for (const line of lines) {
    if (line.source.startsWith(prefix)) own.set(callOf(line), [...(own.get(callOf(line)) ?? []), line]);
  }
  const blocks = new Map<string, TurnLine[]>();
  // Calls without a line yet, by the call whose block they follow ("" for the set's start).
  const following = new Map<string, string[]>();
  let previous = "";
  for (const transcript of transcripts) {
    const taught = prospectTeaching(transcript, readings.get(`${set}:${transcript.id}`));
    const block = [...(own.get(transcript.id) ?? [])];
    for (const [turn, noProspect] of taught) {
      const source = `${prefix}${transcript.id}:${turn}`;
      // The handoff turn of a person request keeps its own line or none: its request is the gold label's.
      if (
        !noProspect ||
        turn === transcript.labels?.handoffTurn ||
        block.some((line) => line.source === source)
      ) {
        continue;
      }
      const aiLine = transcript.turns.findLast((line, at) => at < turn && line.speaker === "ai")?.text;
      block.push({
        text: transcript.turns[turn]?.text ?? "",
        ...(aiLine ? { ai: aiLine } : {}),
        labels: [],
        source,
        split: "train",
      });
    }
    block.sort((a, b) => turnOf(a) - turnOf(b));
    blocks.set(
      transcript.id,
      block.map((line) => {
        const noProspect = taught.get(turnOf(line));
        if (noProspect === undefined) return line;
        return teaching(line, (label) => label === "non_prospect", noProspect ? ["non_prospect"] : [], [
          "non_prospect",
        ]);
      }),
    );
    if (own.has(transcript.id)) previous = transcript.id;
    else if (block.length > 0) following.set(previous, [...(following.get(previous) ?? []), transcript.id]);
  }
  const placed = (call: string): TurnLine[] => [
    ...(blocks.get(call) ?? []),
    ...(following.get(call) ?? []).flatMap((next) => blocks.get(next) ?? []),
  ];
  const out: TurnLine[] = [];
  const done = new Set<string>();
  let setStarted = false;
  for (const line of lines) {
    if (!line.source.startsWith(prefix) || !blocks.has(callOf(line))) {
      out.push(line);
      continue;
    }
    if (!setStarted) out.push(...placed(""));
    setStarted = true;
    const call = callOf(line);
    if (done.has(call)) continue;
    done.add(call);
    out.push(...placed(call));
  }
  if (!setStarted) out.push(...placed(""));
  return out;
}
