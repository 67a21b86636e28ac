'use strict';
// BANKING77 (PolyAI-LDN/task-specific-datasets, banking_data/{train,test}.csv) -> banking77.jsonl
const fs = require('fs');
const path = require('path');
const { RAW, parseCsv, build } = require('./lib');

const items = [];
for (const f of ['train.csv', 'test.csv']) {
  const rows = parseCsv(fs.readFileSync(path.join(RAW, 'banking77', f), 'utf8'));
  if (rows[0].join(',') !== 'text,category') throw new Error(`${f}: unexpected header ${rows[0]}`);
  for (const r of rows.slice(1)) if (r.length === 2) items.push({ text: r[0], intent: r[1] });
}
const categories = JSON.parse(fs.readFileSync(path.join(RAW, 'banking77', 'categories.json'), 'utf8'));

const E = [];
const DROP = null;
const mapping = {
  // --- dropped: ambiguous between enrolment/purchase and service on an existing account ---
  'age_limit': DROP,                   // "I want to open an account for my children" (enrol) vs "how old do I need to be" (eligibility)
  'getting_virtual_card': DROP,        // "how can I sign up for a virtual card" vs "where is my virtual card"
  'get_disposable_virtual_card': DROP, // "where can I apply for one" vs "what are disposable cards for"
  'order_physical_card': DROP,         // "how much does a physical card cost" (price?) vs delivery questions
  'getting_spare_card': DROP,          // "I would like to purchase another card", "what is the price for an additional card"
  'visa_or_mastercard': DROP,          // "I would like to apply for a visa card" (enrol) vs brand preference
  'country_support': DROP,             // "can I apply for one of your cards if I live in the EU" (enrol/eligibility)
  'top_up_by_card_charge': DROP,       // "how much does it cost to add money": price of a feature, prospect or customer unknown
  'top_up_by_bank_transfer_charge': DROP,
  'exchange_charge': DROP,             // "how much is the exchange fee" (LABELS: "what are your rates" is price_request)
  'exchange_rate': DROP,               // "how much are the rates of exchange"
};
// The other 66 intents are service requests on an existing card/account -> [] (no Baton sales signal).
// Notable hard negatives: terminate_account (closing, not enrolling), *_transfer / transfer_* (money transfers,
// not a transfer to a person), transaction_charged_twice / card_payment_fee_charged / cash_withdrawal_charge
// (questions about an existing charge, not price_request), card_arrival / card_about_to_expire (replacement).
for (const c of categories) if (!(c in mapping)) mapping[c] = E;

build({ name: 'banking77', items, mapping });
