'use strict';
// Shared helpers for mapping public intent data onto Baton's turn-reader labels.
// Deterministic: same raw files in -> byte-identical JSONL out.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const OUT = path.resolve(__dirname, '..');
const RAW = path.join(OUT, 'raw');

const LABELS = new Set([
  'person_request', 'buy_now', 'price_request', 'quote_request', 'contract_request', 'enroll_request',
  'objection_price', 'objection_competitor', 'objection_timing', 'objection_authority', 'objection_trust',
  'acknowledgement', 'confusion', 'sarcasm', 'strong_negative', 'negative', 'not_interested', 'do_not_call',
  'wrong_number', 'deferral',
]);

// RFC-4180-ish CSV parser (quoted fields, doubled quotes, CRLF).
function parseCsv(text, delim = ',') {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; }
      else field += c;
    } else if (c === '"') q = true;
    else if (c === delim) { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function norm(text) { return text.normalize('NFC').replace(/\s+/g, ' ').trim(); }
function key(text) { return norm(text).toLowerCase(); }
function hash(s) { return crypto.createHash('sha256').update(s, 'utf8').digest(); }

// Heldout iff first 4 bytes of sha256(lowercased, whitespace-normalised text) mod 100 < 20.
// Depends only on the text, so duplicates of a text always land in the same split.
function splitOf(text) { return hash(key(text)).readUInt32BE(0) % 100 < 20 ? 'heldout' : 'train'; }

/**
 * items: [{text, intent}] ; mapping: {intent: labels[] | null (dropped)} ; every intent must be listed.
 * Dedupes by key(text) (first occurrence wins, conflicting-intent duplicates are removed entirely),
 * splits by hash, caps train examples per [] intent at `cap` (chosen by hash order, deterministic); intents that
 * carry a signal keep every train example (`signalCap`): they are the rare side, and capping them threw real data away.
 * Heldout is not capped by default (all ~20% of the source by hash), since it is only used for evaluation.
 */
function build({ name, items, mapping, cap = 60, signalCap = Infinity, heldoutCap = Infinity, guardsFor = (intent, labels) => (labels.length ? [] : ['person', 'price', 'buy']) }) {
  for (const [i, l] of Object.entries(mapping)) {
    if (l === null) continue;
    for (const x of l) if (!LABELS.has(x)) throw new Error(`${name}: unknown label ${x} for ${i}`);
  }
  const unmapped = new Set();
  const seen = new Map();
  const conflicts = new Set();
  for (const it of items) {
    if (!(it.intent in mapping)) { unmapped.add(it.intent); continue; }
    const k = key(it.text);
    if (!k) continue;
    if (seen.has(k)) { if (seen.get(k).intent !== it.intent) conflicts.add(k); continue; }
    seen.set(k, it);
  }
  if (unmapped.size) throw new Error(`${name}: intents missing from mapping: ${[...unmapped].join(', ')}`);
  const byIntent = new Map();
  let droppedIntentExamples = 0;
  const guarded = {};
  for (const [k, it] of seen) {
    if (conflicts.has(k)) continue;
    if (mapping[it.intent] === null) { droppedIntentExamples++; continue; }
    const g = guardHit(it.text, guardsFor(it.intent, mapping[it.intent]));
    if (g) { (guarded[it.intent] = guarded[it.intent] || []).push(`[${g}] ${norm(it.text)}`); continue; }
    if (!byIntent.has(it.intent)) byIntent.set(it.intent, { train: [], heldout: [] });
    byIntent.get(it.intent)[splitOf(it.text)].push(it);
  }
  const order = (a, b) => Buffer.compare(hash('order:' + key(a.text)), hash('order:' + key(b.text)));
  const out = [];
  const stats = { available: {}, kept: {} };
  for (const intent of [...byIntent.keys()].sort()) {
    const g = byIntent.get(intent);
    stats.available[intent] = { train: g.train.length, heldout: g.heldout.length };
    const tr = g.train.sort(order).slice(0, mapping[intent].length ? signalCap : cap);
    const ho = g.heldout.sort(order).slice(0, heldoutCap);
    stats.kept[intent] = { train: tr.length, heldout: ho.length };
    for (const [split, arr] of [['train', tr], ['heldout', ho]]) {
      for (const it of arr) {
        const ex = { text: norm(it.text) };
        if (it.ai) ex.ai = norm(it.ai);
        ex.labels = [...mapping[intent]].sort();
        ex.source = `${name}:${intent}`;
        ex.split = split;
        out.push(ex);
      }
    }
  }
  out.sort((a, b) => (a.split === b.split ? 0 : a.split === 'train' ? -1 : 1) || a.source.localeCompare(b.source) || a.text.localeCompare(b.text));
  fs.writeFileSync(path.join(OUT, `${name}.jsonl`), out.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const counts = countLabels(out);
  const guardedTotal = Object.values(guarded).reduce((a, v) => a + v.length, 0);
  const summary = { name, examples: out.length, conflicts: conflicts.size, droppedIntentExamples, guardedTotal, counts, perIntent: stats, guarded };
  fs.mkdirSync(path.join(OUT, 'stats'), { recursive: true });
  fs.writeFileSync(path.join(OUT, 'stats', `${name}.json`), JSON.stringify(summary, null, 1) + '\n');
  console.log(`${name}: ${out.length} examples written; conflicts removed ${conflicts.size}; examples of dropped intents ${droppedIntentExamples}; guard-removed ${guardedTotal}`);
  console.log(JSON.stringify(counts));
  return summary;
}

function countLabels(out) {
  const c = { train: { _all: 0, _none: 0 }, heldout: { _all: 0, _none: 0 } };
  for (const e of out) {
    const s = c[e.split];
    s._all++;
    if (!e.labels.length) s._none++;
    for (const l of e.labels) s[l] = (s[l] || 0) + 1;
  }
  return c;
}

module.exports = { OUT, RAW, LABELS, parseCsv, norm, key, splitOf, build };

// Guards for intents mapped to [] ("service request, not a sales signal"): a whole-intent mapping is only
// trusted when no individual example reads as a Baton signal. Examples matching a guard are removed
// (not relabelled) and counted, so a [] example never contradicts LABELS.md.
const GUARDS = {
  // asks for a person (LABELS: person_request) - "who do I talk to", "speak to a representative", "can someone help me"
  person: /\b(talk|speak|chat)\s+(to|with)\b(?!\s+(me|you|us|each other)\b)|\b(representative|operator|supervisor|manager|customer service|real person|human|agent|rep)\b|\bsomeone (in|from|at) your\b|\bhelp from someone\b|\bcan (someone|somebody|anyone) (please )?(help|assist|explain|tell)\b|\b(transfer|connect|put) me (through )?(to|with)\b/i,
  // asks what something costs (LABELS: price_request vs existing-charge question is ambiguous out of context)
  price: /\bhow much (does|do|would|will) (it|that|this|a|an|the|they|you|i|\w+) (cost|charge)\b|\bhow much (is|are|for) (it|a|an|the|one|another) ?\w* ?(card|cards|fee|fees|plan|policy|account|membership|subscription)\b|\bwhat('s| is| are) (the |your )?(price|cost|fee|fees|charge|charges|rates?)\b|(?<!why )\bis there (a|any) (fee|charge|cost)\b|\b(any|what) (fees?|charges?|costs?) (apply|applicable|for)\b|\bhow much is (it|this|that)( thing)?\W*$|\b(price|pricing|quote)\b/i,
  // wants to buy / sign up / apply / open an account (LABELS: buy_now, enroll_request)
  buy: /\b(i('d| would)? (like|want|wanna|need) to (buy|purchase|order|sign up|apply|enrol+|open|join)|(can|could|may) i (buy|purchase|order|sign up|apply|enrol+|open|join)|how (do|can|would) i (buy|purchase|order|sign up|apply|enrol+|open|join)|where (do|can) i (buy|purchase|sign up|apply)|sign me up|buy me|to get (a|an) (new )?(loan|mortgage|card|credit card|account|policy)|i (want|need|would like|'d like) (a|an) new (card|account|policy|plan|loan)|open (an?|a new|new|another) (\w+ )?account)\b/i,
};
function guardHit(text, names) {
  for (const n of names) if (GUARDS[n].test(text)) return n;
  return null;
}
module.exports.GUARDS = GUARDS;
module.exports.guardHit = guardHit;
