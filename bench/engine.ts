import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import type { Transcript } from "../contracts/transcript.js";
import { readCampaignFolder } from "../functions/adapters/campaign-folder.js";
import { CampaignRegistry, defaultCampaign } from "../functions/domain/campaigns.js";
import { processCustomerTurn, recordLine, startContact } from "../functions/domain/engine.js";
import { type EvaluationReport, evaluate } from "../functions/domain/evaluation.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import type { TurnReader } from "../functions/domain/reader/turn-reader.js";
import { parseTranscriptFile } from "../functions/domain/transcript-file.js";

export interface CorpusFigures {
  file: string;
  report: EvaluationReport;
}

export async function loadCorpus(path: string): Promise<Transcript[]> {
  const parsed = parseTranscriptFile(await readFile(new URL(`../${path}`, import.meta.url)), path);
  return parsed.flatMap((entry) => ("transcript" in entry ? [entry.transcript] : []));
}

export async function corpusFigures(files: readonly string[]): Promise<CorpusFigures[]> {
  const figures: CorpusFigures[] = [];
  // Each conversation is scored under the campaign it names, from the shipped campaign files.
  const campaigns = new CampaignRegistry(
    (await readCampaignFolder(new URL("../campaigns", import.meta.url).pathname)).campaigns,
  );
  for (const file of files) {
    figures.push({ file, report: evaluate(await loadCorpus(file), (id) => campaigns.get(id)) });
  }
  return figures;
}

export interface ThroughputFigures {
  turnsPerSecond: number;
  /** Microseconds per customer turn (with the AI line before it) at each conversation length. */
  perTurnMicros: Array<{ length: number; micros: number }>;
}

/** The throughput benchmark's turn stream: each customer turn of the tuned corpus with the AI line before it. */
export async function throughputTurnPairs(): Promise<Array<{ ai: string; customer: string }>> {
  const transcripts = await loadCorpus("test/corpus/conversations.jsonl");
  return transcripts.flatMap((transcript) =>
    transcript.turns.flatMap((turn, index) => {
      const before = transcript.turns[index - 1];
      return turn.speaker === "customer" && before?.speaker === "ai"
        ? [{ ai: before.text, customer: turn.text }]
        : [];
    }),
  );
}

/**
 * Customer turns decided per second on one core, and the cost of a turn at conversation lengths
 * 10, 100 and 1,000: the engine keeps running aggregates, so the three should match. `reader` reads each
 * turn (the shipped model unless another is given).
 */
export async function throughputFigures(reader: TurnReader = defaultTurnReader): Promise<ThroughputFigures> {
  const pairs = await throughputTurnPairs();
  const run = (length: number, conversations: number): number => {
    let turns = 0;
    const started = performance.now();
    for (let c = 0; c < conversations; c++) {
      let state = startContact({ contactId: `bench-${c}`, campaignId: defaultCampaign.id });
      for (let t = 0; t < length; t++) {
        const pair = pairs[(c * 7 + t) % pairs.length];
        if (!pair) continue;
        state = recordLine(state, "ai", pair.ai, defaultCampaign);
        state = processCustomerTurn(state, { text: pair.customer }, defaultCampaign, reader).state;
        turns += 1;
      }
    }
    return ((performance.now() - started) * 1000) / turns;
  };
  run(100, 50); // warm up the JIT
  const perTurnMicros = [10, 100, 1_000].map((length) => ({
    length,
    micros: Math.min(run(length, 20_000 / length), run(length, 20_000 / length)),
  }));
  // The slowest length sets the figure: a long conversation here strings many calls' turns together, and one
  // caller remembered as no prospect spares every later turn its slot reading (1,000 turns read 28 us a turn against
  // 46-48 for 10 and 100 once that memory kept slots out, session 49), which no real prospect's call does.
  const slowest = Math.max(...perTurnMicros.map((row) => row.micros));
  return { turnsPerSecond: Math.round(1_000_000 / slowest), perTurnMicros };
}
