'use strict';
// Bitext customer-support sample (bitext/customer-support-llm-chatbot-training-dataset @ 8b6ca3d9,
// data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv) -> bitext-customer-support.jsonl
const fs = require('fs');
const path = require('path');
const { RAW, parseCsv, build } = require('./lib');

const rows = parseCsv(fs.readFileSync(path.join(RAW, 'bitext-customer-support', 'Bitext_Sample_Customer_Support_Training_Dataset.csv'), 'utf8'));
const h = rows[0];
const col = (n) => { const i = h.indexOf(n); if (i < 0) throw new Error(`missing column ${n}`); return i; };
const [TI, II, TG] = [col('instruction'), col('intent'), col('tags')];

// Per-example exclusions (counted in stats/bitext-customer-support.json -> excluded):
//  - tag W (offensive language: "help me order several fucking items"): tone labels (negative/strong_negative) are not annotated
//  - contact_human_agent turns that also complain or say they don't understand ("you aren't being helpful",
//    "I don't understand you"): would also carry negative/confusion; turns saying they *can't* reach an agent
//  - place_order turns using Bitext's "earn" as a synonym of "buy" ("I need to earn several of your item"): not natural English
//  - create_account turns reporting a problem ("I have problems with opening my free account", "i cant create")
//    or asking for information ("tell me more about opening gold accounts"): service/registration issue or info request
const EXCLUDE = {
  contact_human_agent: /\b(understand|helpful|can't|cannot|cant|can not)\b/i,
  place_order: /\bearn/i,
  create_account: /\b(problem|problems|can't|cannot|cant|can not|information|info|tell me more|know more)\b/i,
};
const items = [];
const excluded = {};
for (const r of rows.slice(1)) {
  if (r.length !== h.length) continue;
  const [text, intent, tags] = [r[TI], r[II], r[TG]];
  let why = null;
  if (tags.includes('W')) why = 'offensive(W)';
  else if (EXCLUDE[intent] && EXCLUDE[intent].test(text)) why = 'intent-specific';
  if (why) { (excluded[intent] = excluded[intent] || []).push(`[${why}] ${text}`); continue; }
  items.push({ text, intent });
}

const E = [];
const DROP = null;
const mapping = {
  contact_human_agent: ['person_request'], // "I want to talk to a human agent", "how to speak with an operator"
  place_order: ['buy_now'],                // "I want to buy several of your product", "I want help to place an order"
  create_account: ['enroll_request'],      // "I would like to create a Pro account", "can I open a free account?"
  contact_customer_service: DROP, // "I have to speak to customer support" (person) vs "what hours can I contact customer support" (info)
  newsletter_subscription: DROP,  // subscribe vs cancel a newsletter; not a sale either way
  switch_account: DROP,           // "changing to the Freemium account": plan change/upgrade on an existing account, sale or service
  complaint: DROP,                // "file a complaint against your business": tone (negative) not annotated
  check_payment_methods: DROP,    // "what payment options do you accept": pre-purchase question, not a LABELS request
  delivery_options: DROP,         // "do you ship to Seattle?": pre-purchase question, not a LABELS request
  // service requests on an existing order/account -> []
  cancel_order: E, change_order: E, change_shipping_address: E, check_cancellation_fee: E, check_invoice: E,
  check_refund_policy: E, delete_account: E, delivery_period: E, edit_account: E, get_invoice: E, get_refund: E,
  payment_issue: E, recover_password: E, registration_problems: E, review: E, set_up_shipping_address: E,
  track_order: E, track_refund: E,
};
const s = build({ name: 'bitext-customer-support', items, mapping });
s.excluded = excluded;
s.excludedTotal = Object.values(excluded).reduce((a, v) => a + v.length, 0);
fs.writeFileSync(path.join(__dirname, '..', 'stats', 'bitext-customer-support.json'), JSON.stringify(s, null, 1) + '\n');
console.log(`excluded before mapping: ${s.excludedTotal}`);
