/**
 * Every decision, slot change and reader score over every labeled corpus in three forms, the labeled turn
 * sets and the throughput benchmark's own turn stream, one JSON line each, numbers to 1e-9. A change that
 * should only make the engine faster must leave the file byte for byte the same:
 *
 *   npx tsx bench/decision-dump.ts /tmp/before.jsonl   # before the change
 *   npx tsx bench/decision-dump.ts /tmp/after.jsonl    # after it
 *   cmp /tmp/before.jsonl /tmp/after.jsonl
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { DEFAULT_CAMPAIGN_DIR, loadCampaignRegistry } from "../functions/cli/campaign-option.js";
import { defaultCampaign } from "../functions/domain/campaigns.js";
import { defaultSpelling } from "../functions/domain/default-spelling.js";
import { processCustomerTurn, recordLine, startContact } from "../functions/domain/engine.js";
import { evaluate } from "../functions/domain/evaluation.js";
import { FORMS, transcriptInForm } from "../functions/domain/forms.js";
import { defaultTurnReader } from "../functions/domain/reader/default-reader.js";
import { replayTranscript } from "../functions/domain/replay.js";
import { spellTurn } from "../functions/domain/spelling.js";
import { loadExamples } from "../train/examples.js";
import { loadCorpus, throughputTurnPairs } from "./engine.js";

const round = (_k: string, v: unknown) =>
  typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v;
const outFile = process.argv[2];
if (!outFile) throw new Error("usage: npx tsx bench/decision-dump.ts <output file>");
const out: string[] = [];
const campaigns = await loadCampaignRegistry(DEFAULT_CAMPAIGN_DIR);
const files = readdirSync("test/corpus")
  .filter((f) => f.endsWith(".jsonl"))
  .sort();
for (const file of files) {
  const transcripts = await loadCorpus(`test/corpus/${file}`);
  for (const form of FORMS) {
    const inForm = transcripts.map((t) => transcriptInForm(t, form));
    for (const t of inForm) {
      if (!campaigns.has(t.campaign)) continue;
      const r = replayTranscript(t, campaigns.get(t.campaign), defaultTurnReader);
      out.push(
        JSON.stringify(
          { file, form, id: r.id, firstHandoff: r.firstHandoff, firstClose: r.firstClose },
          round,
        ),
      );
      out.push(JSON.stringify({ finalState: r.finalState }, round));
      for (const s of r.steps) out.push(JSON.stringify(s, round));
    }
    const report = evaluate(
      inForm.filter((t) => campaigns.has(t.campaign)),
      (id) => campaigns.get(id),
    );
    out.push(JSON.stringify({ file, form, report }, round));
  }
}
// Reader scores on the labeled turn sets, raw and spelled.
for (const f of readdirSync("test/turns")
  .filter((f) => f.endsWith(".jsonl"))
  .sort()) {
  const examples =
    f === "who-decides.jsonl"
      ? readFileSync(`test/turns/${f}`, "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as { text: string; ai?: string })
      : (await loadExamples(`test/turns/${f}`)).examples;
  for (const e of examples) {
    const spelled = spellTurn(e.text, defaultSpelling).text;
    out.push(
      JSON.stringify(
        {
          f,
          spelled,
          raw: defaultTurnReader.read({ text: e.text, aiLine: e.ai }),
          rep: defaultTurnReader.read({ text: spelled, aiLine: e.ai }),
        },
        round,
      ),
    );
  }
}
// The throughput bench's own turn stream.
const pairs = await throughputTurnPairs();
for (let c = 0; c < 8; c++) {
  let state = startContact({ contactId: `bench-${c}`, campaignId: defaultCampaign.id });
  for (let t = 0; t < 200; t++) {
    const pair = pairs[(c * 7 + t) % pairs.length];
    if (!pair) continue;
    state = recordLine(state, "ai", pair.ai, defaultCampaign);
    const r = processCustomerTurn(state, { text: pair.customer }, defaultCampaign);
    state = r.state;
    out.push(
      JSON.stringify(
        { c, t, signals: r.signals, decision: r.decision, changes: r.slotChanges, missing: r.missing },
        round,
      ),
    );
  }
  out.push(JSON.stringify(state, round));
}
writeFileSync(outFile, `${out.join("\n")}\n`);
console.log(`${outFile}: ${out.length} lines`);
