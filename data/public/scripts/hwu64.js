'use strict';
// HWU64 (xliuhw/NLU-Evaluation-Data, CrossValidation/.../KFold_1/{trainset,testset/csv}/*.csv) -> hwu64.jsonl
// KFold_1 trainset + testset together are the full 10-fold cross-validation set (11,036 rows; the full annotated CSV
// in the repository is stored as a large blob that was not retrievable here). Text column: answer_from_anno
// (normalised, annotation brackets removed); the test/train split of the source is ignored (our own hash split applies).
const fs = require('fs');
const path = require('path');
const { RAW, parseCsv, build } = require('./lib');

const items = [];
for (const dir of ['trainset', 'testset']) {
  const d = path.join(RAW, 'hwu64', dir);
  for (const f of fs.readdirSync(d).sort()) {
    const rows = parseCsv(fs.readFileSync(path.join(d, f), 'utf8'), ';');
    const h = rows[0];
    const [S, I, T] = ['scenario', 'intent', 'answer_from_anno'].map((n) => h.indexOf(n));
    for (const r of rows.slice(1)) {
      if (r.length !== h.length) continue;
      let text = r[T]
        .replace(/^s\d+,\s*/i, '') // speaker markers ("s2, i could not catch up with you.")
        .replace(/^(olly|pda|alexa|ok google|hey google|google|siri|hey siri|cortana|echo)\b[,:]?\s*/i, '') // wake words
        .replace(/,?\s*\b(olly|pda)\b([.?!]?)$/i, '$2');
      if (!text || text === 'null') continue;
      items.push({ text, intent: `${r[S]}_${r[I]}` });
    }
  }
}

const E = [];
const DROP = null;
const mapping = {
  general_explain: ['confusion'], // "what did you mean by it", "i could not catch up with you", "i am not clear about your answers"
  // --- dropped: ambiguous for Baton ---
  general_affirm: DROP,      // "great response to command": acknowledgement or bare yes
  general_praise: DROP,      // "that's helpful", "thank you for doing it": close to acknowledgement (LABELS "that helps"), not mapped
  general_negate: DROP,      // "you messed up with my command": negative tone or plain correction
  general_commandstop: DROP, // "shut up", "would you stop": strong_negative / not_interested in a call
  general_dontcare: DROP,    // "whatever": tone
  general_confirm: DROP, general_repeat: DROP, // close to confusion
  general_quirky: DROP,      // miscellaneous chit-chat, includes "how do I buy tickets for that?"
  social_post: DROP,         // "tweet ... I'm angry you lost my bags": complaint content, tone not annotated
  audio_volume_mute: DROP,   // "don't talk", "get yourself muted": in a call reads as not_interested/negative
  takeaway_order: DROP, transport_ticket: DROP, transport_taxi: DROP, transport_query: DROP, // purchases/bookings from third parties via an assistant
  qa_stock: DROP,            // "Apple's stock price": "price" of something not sold by the agent
};
// All other HWU64 intents are home-assistant commands and questions -> [].
for (const it of items) if (!(it.intent in mapping)) mapping[it.intent] = E;
build({ name: 'hwu64', items, mapping });
