'use strict';
// CLINC150 (clinc/oos-eval, data/data_full.json) -> clinc150.jsonl
const fs = require('fs');
const path = require('path');
const { RAW, build } = require('./lib');

const data = JSON.parse(fs.readFileSync(path.join(RAW, 'clinc150', 'data_full.json'), 'utf8'));
const items = [];
for (const part of ['train', 'val', 'test', 'oos_train', 'oos_val', 'oos_test']) {
  for (const [text, intent] of data[part]) items.push({ text, intent });
}

// insurance_change mixes "get new insurance" (enrolment) with "change my policy" (service on an existing policy).
// Only the unambiguous new-insurance requests are kept, as the sub-intent insurance_change/new; the rest is dropped.
const NEW_INS = /\bnew\b[\w' ]*\b(insurance|plan|coverage|policy)\b|\bsign up for\b/;
const CHANGE = /\b(change|changes|changing|switch|switching|modify|modifying|alter|adjust|adjusting|update|updating|edit|replace|different|newer|another|my current|my insurance|my policy)\b|\bis new this\b|\bproviders?\b/;
for (const it of items) {
  if (it.intent === 'insurance_change') {
    it.intent = NEW_INS.test(it.text) && !CHANGE.test(it.text) ? 'insurance_change/new' : 'insurance_change/other';
  }
}

const E = [];
const DROP = null;
const mapping = {
  // --- buying signals ---
  'new_card': ['enroll_request'],            // "how do i apply for a visa card", "i want to sign up for a new credit card"
  'insurance_change/new': ['enroll_request'],// "i want to get a new car insurance plan", "how do i apply for new insurance"
  // --- dropped: ambiguous ---
  'insurance_change/other': DROP, // changing/switching an existing policy: service or new sale, cannot tell
  'order': DROP,                  // "order me more lysol", "i want to buy something": assistant shopping list, not a purchase from the agent
  'book_flight': DROP, 'book_hotel': DROP, 'car_rental': DROP, 'restaurant_reservation': DROP, 'uber': DROP,
  'schedule_maintenance': DROP,   // bookings/purchases of third-party services: buy_now or not depends on who the agent is
  'cancel': DROP,                 // "forget it, i do not need it anymore": close to not_interested
  'yes': DROP,                    // "that would be great", "i agree with what you just said": acknowledgement or bare answer
  'no': DROP,                     // "no thanks": close to not_interested
  'repeat': DROP,                 // "i didn't hear you": close to confusion
  'thank_you': DROP,              // "you have been a big help": close to acknowledgement
  'maybe': DROP,                  // "shit if i know", "hell if i know": tone not annotated
};
// Every other CLINC150 intent (and out-of-scope) is a service request / assistant command / small talk -> [].
// Notable hard negatives: are_you_a_bot, what_is_your_name, who_do_you_work_for (identity, not person_request),
// transfer (money transfer, not a transfer to a person), application_status (status, not enrolment),
// replacement_card_duration / report_lost_card / damaged_card (replacement, not a new product), pay_bill,
// apr / interest_rate / bill_balance / min_payment / international_fees (existing account, not price_request), make_call.
for (const it of items) if (!(it.intent in mapping)) mapping[it.intent] = E;

// Guards (lib.js) remove [] examples that read as a person/price/buying request. Exemptions, where the intent
// itself is the LABELS.md hard negative the guard would otherwise remove:
const NO_PERSON_GUARD = new Set(['are_you_a_bot', 'what_is_your_name', 'who_do_you_work_for', 'who_made_you']); // identity questions
const NO_PRICE_GUARD = new Set(['bill_balance', 'taxes', 'calculator', 'transfer', 'exchange_rate', 'international_fees']); // existing bill/charge, arithmetic
const NO_BUY_GUARD = new Set(['order_checks', 'replacement_card_duration', 'damaged_card', 'expiration_date']); // re-ordering cheques, replacing a card: service on an existing account, not a sale
const guardsFor = (intent, labels) => labels.length ? [] : [
  ...(NO_PERSON_GUARD.has(intent) ? [] : ['person']),
  ...(NO_PRICE_GUARD.has(intent) ? [] : ['price']),
  ...(NO_BUY_GUARD.has(intent) ? [] : ['buy']),
];
build({ name: 'clinc150', items, mapping, guardsFor });
